/**
 * `npm run release` commits and tags, so its command line is strict: a misspelt `--dry-run` or a `--help` must stop
 * before anything is read or written. Run in a throwaway clone, so a regression tags that clone, never this repo.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { releaseClone } from "./clone.js";

const { clone, git: inClone } = releaseClone("release-cli-");
inClone("add", "-A");
inClone("commit", "--quiet", "--allow-empty", "-m", "working tree");
afterAll(() => rmSync(join(clone, ".."), { recursive: true, force: true }));

function release(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/release.ts", ...args], { cwd: clone, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, tags: inClone("tag"), dirty: inClone("status", "--porcelain") };
}

describe("npm run release: the command line", () => {
  it("prints its usage for --help and exits 0, writing nothing", () => {
    const run = release("--help");
    expect(run).toMatchObject({ status: 0, tags: "", dirty: "" });
    expect(run.stdout).toBe("usage: npm run release -- [--dry-run]\n");
  });

  it("refuses a misspelt option with exit 2, naming it, instead of releasing for real", () => {
    const run = release("--dryrun");
    expect(run).toMatchObject({ status: 2, tags: "", dirty: "" });
    expect(run.stderr).toContain("'--dryrun'");
    expect(run.stderr).toContain("usage: npm run release -- [--dry-run]");
  });

  it("refuses a stray positional argument", () => {
    const run = release("0.2.0");
    expect(run).toMatchObject({ status: 2, tags: "", dirty: "" });
    expect(run.stderr).toContain("'0.2.0'");
  });
});
