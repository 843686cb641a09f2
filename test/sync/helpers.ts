import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The read-only inputs sync is run on (Together's whole document, the v1 pages). They live outside the repo, in
 * shared/ beside the checkout (../shared from a clone, ../../shared from a worktree under wt/).
 */
export function sharedDir(): string {
  const candidates = [resolve(repoRoot, "../shared"), resolve(repoRoot, "../../shared")];
  const found = candidates.find((dir) => existsSync(join(dir, "reference/v2-openapi/upstream/openapi.yaml")));
  if (found === undefined) throw new Error(`shared/ with reference/v2-openapi/upstream/openapi.yaml not found in ${candidates.join(" or ")}`);
  return found;
}

export const upstreamV2 = () => join(sharedDir(), "reference/v2-openapi/upstream/openapi.yaml");
export const upstreamV1Pages = () => join(sharedDir(), "reference/v1-tcloud");
