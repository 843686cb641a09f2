/**
 * `npm run release` judges the public surface against the last release tag with the TypeScript compiler, as
 * `api-surface.ts check` does: a member whose printed type changed without changing the type (members in another
 * order) is compatible, not a breaking change that would force a major release. Run in a throwaway clone with a build.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseClone, repoRoot } from "./clone.js";

let clone = "";
let git: (...args: string[]) => string = () => "";
afterAll(() => rmSync(join(clone, ".."), { recursive: true, force: true }));

beforeAll(() => {
  ({ clone, git } = releaseClone("release-surface-"));
  // The last release recorded `defaultBaseUrls` with its two members the other way round: the same type.
  const surfaceFile = join(clone, "api/public-surface.json");
  const surface = JSON.parse(readFileSync(surfaceFile, "utf8")) as { entries: Record<string, Record<string, { members: Record<string, string> }>> };
  const urls = surface.entries["."]!["defaultBaseUrls"]!.members;
  const [v1, v2] = /^\{ (readonly v1: "[^"]+";) (readonly v2: "[^"]+";) \}$/.exec(urls["="]!)!.slice(1);
  urls["="] = `{ ${v2} ${v1} }`;
  writeFileSync(surfaceFile, `${JSON.stringify(surface, null, 2)}\n`);
  git("add", "-A");
  git("commit", "--quiet", "--allow-empty", "-m", "the last release");
  git("tag", "v0.1.0");
  const build = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", "dist"], { cwd: clone, encoding: "utf8" });
  expect(build.status, build.stdout + build.stderr).toBe(0);
}, 120_000);

describe("npm run release: the public surface", () => {
  it("calls a member printed in another order compatible (no major release), naming what changed", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/release.ts", "--dry-run"], { cwd: clone, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('`.#defaultBaseUrls.=`: "=" changed from `{ readonly v2:');
    expect(run.stdout).toContain("compatible: the types are equivalent.");
    expect(run.stdout).not.toContain("**breaking**");
    expect(run.stdout).toContain("public surface minor");
    expect(git("tag")).toBe("v0.1.0");
  }, 120_000);
});
