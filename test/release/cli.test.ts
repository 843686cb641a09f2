/**
 * `npm run release` commits and tags, so its command line is strict: a misspelt `--dry-run` or a `--help` must stop
 * before anything is read or written. Run in a throwaway clone, so a regression tags that clone, never this repo.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const clone = join(mkdtempSync(join(tmpdir(), "release-cli-")), "repo");
const inClone = (...args: string[]) => spawnSync("git", args, { cwd: clone, encoding: "utf8" }).stdout.trim();
spawnSync("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone], { encoding: "utf8" });
// The clone has the committed tree; the script under test (and the codegen/ it imports) come from this working tree.
for (const dir of ["scripts", "codegen"]) cpSync(join(repoRoot, dir), join(clone, dir), { recursive: true });
symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"), "dir");
appendFileSync(join(clone, ".git/info/exclude"), "node_modules\n");
inClone("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-am", "working tree");
inClone("add", "-A");
inClone("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", "new files");
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
