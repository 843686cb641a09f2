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

/** Where the walk stopped and why; load.ts turns it into a located CodegenError. */
export interface LimitViolation {
  readonly offset: number;
  readonly tokens: readonly (string | number)[];
  readonly detail: string;
}

/**
 * Measures the expanded size of `doc` without expanding it (each node is sized once; an alias costs its anchor's
 * size), and checks nesting depth and that every alias refers to an anchor defined before it and not to one of its
 * own ancestors. Returns the first violation, in document order.
 */
export function checkExpansion(doc: Document, inputLength: number): LimitViolation | undefined {
  const limit = Math.max(EXPANSION_RATIO * inputLength, EXPANSION_FLOOR);
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const anchors = new Map<string, unknown>();
  const tokens: (string | number)[] = [];
  let total = 0;

  const fail = (node: unknown, detail: string): LimitViolation => ({ offset: (node as YamlNode | null)?.range?.[0] ?? 0, tokens: [...tokens], detail });

  const size = (node: unknown, depth: number): number | LimitViolation => {
    if (depth > MAX_DEPTH) return fail(node, `nesting deeper than ${MAX_DEPTH} levels is not supported`);
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
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node);
    inProgress.add(node);
    let own = 2;
    if (isScalar(node)) own += String(node.value).length;
    else if (isMap(node) || isSeq(node)) {
      for (const [index, item] of (node.items as unknown[]).entries()) {
        const key = isPair(item) ? item.key : undefined;
        tokens.push(isPair(item) ? (isScalar(key) ? String(key.value) : index) : index);
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          const measured = size(part, depth + 1);
          if (typeof measured !== "number") return measured;
          own += measured;
        }
        tokens.pop();
      }
    }
    total += isScalar(node) ? own : 2;
    if (total > limit) return fail(node, `this spec is larger than ${limit} bytes once parsed`);
    inProgress.delete(node);
    sizes.set(node, own);
    return own;
  };
  const result = size(doc.contents, 0);
  return typeof result === "number" ? undefined : result;
}
