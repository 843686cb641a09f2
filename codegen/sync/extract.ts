/**
 * Cuts the cluster API out of a whole OpenAPI document: the paths under the configured prefixes and every component
 * they reference, transitively. Works on the `yaml` Document itself, in place (it is the caller's own parse; a clone
 * of Together's 460 KB document cost about a tenth of a second), so key order, comments and scalar styles of
 * everything kept are exactly the upstream's.
 */
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from "yaml";
import { SyncError } from "./errors.js";
import { pathMatches } from "./targets.js";

/** Top-level keys that describe the whole API rather than single operations; everything else but paths is dropped. */
const keptTopLevel = new Set(["openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "externalDocs", "paths", "components"]);

/** Where a node of the upstream text is, for messages (`file:line`); just the label when that is not known. */
export type Locator = (node: unknown) => string;

export function extractCluster(upstream: Document, prefixes: readonly string[], label: string, locate: Locator = () => label): Document {
  const doc = upstream;
  const root = doc.contents;
  if (!isMap(root)) throw new SyncError(`${label}: the upstream document is not a YAML mapping`);
  root.items = root.items.filter((pair) => keptTopLevel.has(keyOf(pair.key)) || keyOf(pair.key).startsWith("x-"));

  const paths = root.get("paths", true);
  if (!isMap(paths)) throw new SyncError(`${label}: the upstream document has no "paths" mapping`);
  paths.items = paths.items.filter((pair) => pathMatches(keyOf(pair.key), prefixes));
  if (paths.items.length === 0) {
    throw new SyncError(`${label}: no path starts with ${prefixes.join(" or ")}; is this the right upstream document?`);
  }

  const components = root.get("components", true);
  if (isMap(components)) pruneComponents(root, components, label, locate);
  pruneTags(root, paths);
  return doc;
}

/** Keeps only the components reachable from what is left of the document (paths, top-level security). */
function pruneComponents(root: YAMLMap, components: YAMLMap, label: string, locate: Locator): void {
  const reached = reachableComponents(root, label, locate);
  components.items = components.items.filter((sectionPair) => {
    const type = keyOf(sectionPair.key);
    if (!isMap(sectionPair.value)) return false;
    sectionPair.value.items = sectionPair.value.items.filter((pair) => reached.has(`${type}/${keyOf(pair.key)}`));
    return sectionPair.value.items.length > 0;
  });
  if (components.items.length === 0) root.delete("components");
}

/** Every component (`<type>/<name>`) that the paths and security requirements reach, transitively. */
export function reachableComponents(root: YAMLMap, label: string, locate: Locator = () => label): Set<string> {
  const components = root.get("components", true);
  const reached = new Set<string>();
  const pending: [unknown, string | undefined][] = [
    [root.get("paths", true), undefined],
    [root.get("security", true), "security"],
  ];
  const section = (type: string): YAMLMap | undefined => {
    const node = isMap(components) ? components.get(type, true) : undefined;
    return isMap(node) ? node : undefined;
  };
  while (pending.length > 0) {
    const [node, parentKey] = pending.pop() ?? [];
    forEachRef(node, parentKey, (ref, securityScheme, at) => {
      const target = securityScheme === undefined ? componentOfRef(ref) : { type: "securitySchemes", name: securityScheme };
      if (target === undefined) {
        if (securityScheme === undefined && !ref.startsWith("#")) {
          throw new SyncError(`${locate(at)}: external $ref "${ref}" cannot be extracted; only refs inside the document are supported`);
        }
        return;
      }
      const key = `${target.type}/${target.name}`;
      if (reached.has(key)) return;
      const value = section(target.type)?.get(target.name, true);
      if (value === undefined) {
        if (securityScheme !== undefined) return;
        throw new SyncError(`${locate(at)}: $ref "${ref}" points at nothing`);
      }
      reached.add(key);
      pending.push([value, undefined]);
    });
  }
  return reached;
}

/** Components present in the document that nothing reaches (e.g. left behind by an overlay). */
export function unreachableComponents(root: YAMLMap, label: string): string[] {
  const reached = reachableComponents(root, label);
  const components = root.get("components", true);
  if (!isMap(components)) return [];
  return components.items.flatMap((sectionPair) =>
    isMap(sectionPair.value)
      ? sectionPair.value.items.map((pair) => `${keyOf(sectionPair.key)}/${keyOf(pair.key)}`).filter((key) => !reached.has(key))
      : [],
  );
}

/** A top-level tag list is cut to the tags the kept operations use. */
function pruneTags(root: YAMLMap, paths: YAMLMap): void {
  const tags = root.get("tags", true);
  if (!isSeq(tags)) return;
  const used = new Set<string>();
  for (const pathPair of paths.items) {
    if (!isMap(pathPair.value)) continue;
    for (const opPair of pathPair.value.items) {
      const opTags = isMap(opPair.value) ? opPair.value.get("tags", true) : undefined;
      if (isSeq(opTags)) for (const tag of opTags.items) if (isScalar(tag)) used.add(String(tag.value));
    }
  }
  tags.items = tags.items.filter((tag) => isMap(tag) && used.has(String(tag.get("name"))));
  if (tags.items.length === 0) root.delete("tags");
}

/** `#/components/<type>/<name>[/...]` → its component, JSON-pointer unescaped; anything else → undefined. */
export function componentOfRef(ref: string): { type: string; name: string } | undefined {
  const match = /^#\/components\/([^/]+)\/([^/]+)/.exec(ref);
  if (match === null) return undefined;
  const unescape = (part: string) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
  return { type: unescape(match[1] ?? ""), name: unescape(match[2] ?? "") };
}

/**
 * Calls `visit` for every `$ref` string and discriminator mapping value under `node`, and for every security
 * requirement's scheme name (as `securityScheme`), which names a component without a `$ref`.
 */
function forEachRef(node: unknown, nodeKey: string | undefined, visit: (ref: string, securityScheme?: string, at?: unknown) => void): void {
  const walk = (current: unknown, parentKey: string | undefined): void => {
    if (isSeq(current)) {
      for (const item of current.items) {
        if (parentKey === "security" && isMap(item)) for (const pair of item.items) visit("", keyOf(pair.key));
        else walk(item, undefined);
      }
      return;
    }
    if (!isMap(current)) return;
    for (const pair of current.items) {
      const key = keyOf(pair.key);
      if (key === "$ref" && isScalar(pair.value) && typeof pair.value.value === "string") visit(pair.value.value, undefined, pair.value);
      else if (key === "mapping" && parentKey === "discriminator" && isMap(pair.value)) {
        for (const entry of pair.value.items) if (isScalar(entry.value)) visit(String(entry.value.value), undefined, entry.value);
      } else walk(pair.value, key);
    }
  };
  walk(node, nodeKey);
}

export function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

export type { YamlNode };
