/**
 * v1 has no whole published document: the tcloud docs publish one OpenAPI file per operation, each repeating the
 * same header and the schemas that operation uses. This merges them into one Document: the first page's header,
 * every page's operations, and each schema once. A header or schema that differs between pages is an error naming
 * both files (which copy is right is a person's call, recorded in an overlay).
 */
import { type Document, isMap, type Pair, type YAMLMap } from "yaml";
import { SyncError } from "./errors.js";
import { keyOf } from "./extract.js";

export interface ParsedPage {
  readonly file: string;
  readonly doc: Document;
  /** Line of one of this page's nodes, for messages. */
  readonly lineOf?: ((node: unknown) => number | undefined) | undefined;
}

/** `file:line` of a node of `page` (just the file when its line is not known). */
function at(page: ParsedPage, node: unknown): string {
  const line = page.lineOf?.(node);
  return line === undefined ? page.file : `${page.file}:${line}`;
}

/** Header keys every page must agree on. */
const sharedHeader = ["openapi", "info", "servers", "security", "tags"] as const;

export function mergePages(pages: readonly ParsedPage[]): Document {
  const [first, ...rest] = pages;
  if (first === undefined) throw new SyncError("no upstream pages given");
  const problems: string[] = [];
  const merged = first.doc.clone();
  const root = merged.contents as unknown as YAMLMap;
  // Each page starts with a `# source: <docs url>` line about that page alone; the merged header lists every page.
  root.commentBefore = undefined;
  const firstKey = root.items[0]?.key as { commentBefore?: string | undefined } | undefined;
  if (firstKey !== undefined) firstKey.commentBefore = undefined;
  const firstJs = first.doc.toJS() as Record<string, unknown>;
  const pathsOf = (doc: Document) => doc.get("paths", true) as YAMLMap | undefined;
  const componentSection = (doc: Document, type: string) => doc.getIn(["components", type], true) as YAMLMap | undefined;
  const origin = new Map<string, string>();
  for (const [type, section] of sectionsOf(first.doc)) for (const pair of section.items) origin.set(`${type}/${keyOf(pair.key)}`, at(first, pair.key));
  for (const pair of pathsOf(first.doc)?.items ?? []) {
    if (isMap(pair.value)) for (const op of pair.value.items) origin.set(`${keyOf(pair.key)} ${keyOf(op.key)}`, at(first, op.key));
  }

  for (const page of rest) {
    const js = page.doc.toJS() as Record<string, unknown>;
    for (const key of sharedHeader) {
      if (canonical(js[key]) !== canonical(firstJs[key])) {
        problems.push(`${at(page, page.doc.get(key, true))}: \`${key}\` differs from ${at(first, first.doc.get(key, true))}; the pages are expected to share one header`);
      }
    }
    const mergedPaths = root.get("paths", true) as unknown as YAMLMap;
    for (const pathPair of pathsOf(page.doc)?.items ?? []) {
      const path = keyOf(pathPair.key);
      const existing = mergedPaths.get(path, true);
      if (!isMap(existing)) {
        mergedPaths.items.push((pathPair as Pair).clone() as Pair);
        if (isMap(pathPair.value)) for (const op of pathPair.value.items) origin.set(`${path} ${keyOf(op.key)}`, at(page, op.key));
        continue;
      }
      for (const opPair of isMap(pathPair.value) ? pathPair.value.items : []) {
        const id = `${path} ${keyOf(opPair.key)}`;
        if (existing.has(keyOf(opPair.key))) {
          problems.push(`${at(page, opPair.key)}: ${keyOf(opPair.key).toUpperCase()} ${path} is also in ${origin.get(id)}`);
          continue;
        }
        existing.items.push((opPair as Pair).clone() as Pair);
        origin.set(id, at(page, opPair.key));
      }
    }
    for (const [type, section] of sectionsOf(page.doc)) {
      let target = componentSection(merged, type);
      if (!isMap(target)) {
        merged.setIn(["components", type], merged.createNode({}));
        target = componentSection(merged, type) as YAMLMap;
      }
      for (const pair of section.items) {
        const name = keyOf(pair.key);
        const id = `${type}/${name}`;
        const current = target.get(name, true);
        if (current === undefined) {
          target.items.push((pair as Pair).clone() as Pair);
          origin.set(id, at(page, pair.key));
        } else if (canonical((current as { toJSON(): unknown }).toJSON()) !== canonical((pair.value as { toJSON(): unknown }).toJSON())) {
          problems.push(`${at(page, pair.key)}: components/${id} differs from the copy in ${origin.get(id)}; record which one is right in an overlay`);
        }
      }
    }
  }
  if (problems.length > 0) throw new SyncError(problems);
  return merged;
}

function sectionsOf(doc: Document): [string, YAMLMap][] {
  const components = doc.get("components", true);
  if (!isMap(components)) return [];
  return components.items.filter((pair) => isMap(pair.value)).map((pair) => [keyOf(pair.key), pair.value as YAMLMap]);
}

/** JSON with sorted keys: equal for equal values whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
