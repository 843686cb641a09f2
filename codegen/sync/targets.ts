/**
 * Which part of an upstream API description is the cluster API, per version. Shared by sync (what to extract) and
 * the generator (to say "run sync" when it is handed a whole document); imports nothing heavy for that reason.
 */
import type { ApiVersion } from "../ir.js";

export interface SyncTarget {
  readonly version: ApiVersion;
  /** The spec sync writes, relative to the repo root. */
  readonly spec: string;
  /** Paths kept from upstream: equal to a prefix (without its trailing slash) or under it. */
  readonly prefixes: readonly string[];
  /** Overlay files in specs/overlays/ that apply to this spec, applied in file-name order. */
  readonly overlayPattern: RegExp;
}

export const syncTargets: Readonly<Record<ApiVersion, SyncTarget>> = {
  // Together's whole document: the cluster API lives under /compute/ (clusters, regions, storage volumes);
  // /clusters/ is kept too so that an upstream operation there is seen and decided on in an overlay.
  v2: { version: "v2", spec: "specs/v2.yaml", prefixes: ["/compute/", "/clusters/"], overlayPattern: /^v2-.*\.ya?ml$/ },
  // The tcloud per-operation pages hold nothing else.
  v1: { version: "v1", spec: "specs/v1.yaml", prefixes: ["/api/v1/"], overlayPattern: /^v1-.*\.ya?ml$/ },
};

/** A path is kept when it equals a prefix without its trailing slash or starts with the prefix. */
export function pathMatches(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

/**
 * For a document that holds the cluster API among other APIs (Together's whole document), the paths outside the
 * cluster API; for anything else (the cluster subset, or a document without cluster paths at all) none.
 */
export function pathsOutsideClusterApi(document: Record<string, unknown>, version: ApiVersion): string[] {
  const paths = document.paths;
  if (paths === null || typeof paths !== "object") return [];
  const all = Object.keys(paths);
  const outside = all.filter((path) => !pathMatches(path, syncTargets[version].prefixes));
  return outside.length < all.length ? outside : [];
}

/** What to tell someone who handed the generator a whole upstream document. */
export function syncAdvice(file: string, version: ApiVersion, outside: readonly string[]): string {
  const examples = outside.slice(0, 3).join(", ");
  return (
    `${file} has ${outside.length} path(s) outside the cluster API (${examples}${outside.length > 3 ? ", …" : ""}): ` +
    `it looks like a whole upstream API description. Run \`npm run sync -- --${version} --from ${file}\` to extract the ` +
    `cluster part (with the overlays) into specs/${version}.yaml, then generate from that.`
  );
}
