import type { Document, Node as YamlNode } from "yaml";
import { createRequire } from "node:module";

const { isAlias, isMap, isPair, isScalar, isSeq } = createRequire(import.meta.url)("yaml") as typeof import("yaml");

/**
 * How large a spec may become once its YAML aliases are expanded: 10 times its own size, and never less than 4 MiB
 * (so small specs keep ordinary anchor reuse). Sizes are counted as JSON would print the data (scalar text plus a few
 * characters per node), which is what documents.ts and every later stage hold in memory. A billion-laughs file or one
 * string aliased thousands of times is refused at the alias that crosses the bound, before anything is expanded.
 */
export const EXPANSION_RATIO = 10;
export const EXPANSION_FLOOR = 4 * 1024 * 1024;

/** Deepest nesting accepted (real specs stay below 40); deeper input would exhaust the stack of later stages. */
export const MAX_DEPTH = 500;

/** yaml's own message for a repeated mapping key (code DUPLICATE_KEY), so the error reads as it did before. */
const DUPLICATE_KEY = "malformed YAML: Map keys must be unique";

/** Where the walk stopped (source offset) and why; load.ts turns it into a located CodegenError. */
export interface LimitViolation {
  readonly offset: number;
  readonly detail: string;
}

/**
 * Measures the expanded size of `doc` without expanding it (each node is sized once; an alias costs its anchor's
 * size), and checks nesting depth, that every alias refers to an anchor defined before it and not to one of its
 * own ancestors, and that no mapping repeats a scalar key. Returns the first violation, in document order. One pass,
 * no allocation per node beyond the memo and one key set per mapping: it runs on every spec, next to a parse that
 * costs about ten times as much.
 *
 * Duplicate keys are checked here because load.ts parses with yaml's `uniqueKeys: false`: yaml's own check compares
 * each new key with every earlier key of its mapping, which is quadratic in the size of a mapping (`paths`,
 * `components/schemas`: most of the parse time at 10 MB). This check is a Set per mapping, with yaml's notion of
 * equal keys (scalars with the same value; `===`, so NaN never equals itself) and its message.
 */
export function checkExpansion(doc: Document, inputLength: number): LimitViolation | undefined {
  const limit = Math.max(EXPANSION_RATIO * inputLength, EXPANSION_FLOOR);
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const anchors = new Map<string, unknown>();
  let total = 0;
  let violation: LimitViolation | undefined;

  const fail = (node: unknown, detail: string): -1 => {
    violation = { offset: (node as YamlNode | null)?.range?.[0] ?? 0, detail };
    return -1;
  };

  /** Expanded size of `node`, or -1 once a violation is recorded. */
  const size = (node: unknown, depth: number): number => {
    if (depth > MAX_DEPTH) return fail(node, `nesting deeper than ${MAX_DEPTH} levels is not supported`);
    if (isScalar(node)) {
      const own = 2 + String(node.value).length;
      total += own;
      if (node.anchor) {
        anchors.set(node.anchor, node);
        sizes.set(node, own);
      }
      return own;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return fail(node, `alias *${node.source} refers to no anchor defined before it`);
      if (inProgress.has(target)) return fail(node, `alias *${node.source} refers to a node that contains it (a recursive alias cannot be expanded)`);
      const expanded = sizes.get(target) ?? 0;
      total += expanded;
      if (total > limit) {
        return fail(node, `YAML aliases expand this spec beyond ${limit} bytes (${EXPANSION_RATIO}× its size, at least ${EXPANSION_FLOOR}); expand fewer aliases or inline the data`);
      }
      return expanded;
    }
    if (!isMap(node) && !isSeq(node)) return 2;
    const anchor = node.anchor;
    if (anchor) {
      anchors.set(anchor, node);
      inProgress.add(node);
    }
    let own = 2;
    total += 2;
    const keys = isMap(node) && node.items.length > 1 ? new Set<unknown>() : undefined;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (keys !== undefined && isScalar(item.key)) {
          const value = item.key.value;
          if (keys.has(value) && value === value) return fail(item.key, DUPLICATE_KEY);
          keys.add(value);
        }
        const key = size(item.key, depth + 1);
        if (key < 0) return key;
        const value = size(item.value, depth + 1);
        if (value < 0) return value;
        own += key + value;
      } else {
        const measured = size(item, depth + 1);
        if (measured < 0) return measured;
        own += measured;
      }
    }
    if (anchor) {
      inProgress.delete(node);
      sizes.set(node, own);
    }
    return own;
  };
  size(doc.contents, 0);
  return violation;
}
