/**
 * A throwaway clone for the release tests: `npm run release` commits and tags, so it never runs in this repository.
 * The clone has the committed tree, with this working tree's release script and the codegen/ it imports, and this
 * repository's node_modules linked in.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Clones into a new temp folder (remove `join(clone, "..")` afterwards); `git` runs there as a test identity. */
export function releaseClone(prefix: string): { readonly clone: string; readonly git: (...args: string[]) => string } {
  const clone = join(mkdtempSync(join(tmpdir(), prefix)), "repo");
  spawnSync("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone], { encoding: "utf8" });
  for (const dir of ["scripts", "codegen"]) cpSync(join(repoRoot, dir), join(clone, dir), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"), "dir");
  appendFileSync(join(clone, ".git/info/exclude"), "node_modules\ndist\n");
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: clone, encoding: "utf8" }).stdout.trim();
  return { clone, git };
}
