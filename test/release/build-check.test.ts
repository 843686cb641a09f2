/**
 * `npm run release` describes the build it makes itself: generated/ must be what specs/ generate and the package
 * must compile, or nothing is written; and the first release (no tag yet) keeps CHANGELOG.md's entry for its version
 * but brings its "Generated from" line up to date with specs/. Run in a throwaway clone of the committed tree.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseClone } from "./clone.js";

let clone = "";
let git: (...args: string[]) => string = () => "";
afterAll(() => rmSync(join(clone, ".."), { recursive: true, force: true }));
beforeAll(() => {
  ({ clone, git } = releaseClone("release-build-"));
  git("add", "-A");
  git("commit", "--quiet", "--allow-empty", "-m", "working tree");
}, 60_000);

function release(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/release.ts", ...args], { cwd: clone, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, tags: git("tag"), dirty: git("status", "--porcelain") };
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(clone, file), change(readFileSync(join(clone, file), "utf8")));

describe("npm run release: the build it describes", () => {
  it("refuses a tree that does not compile, listing the errors, and leaves no build behind", () => {
    const original = readFileSync(join(clone, "src/version.ts"), "utf8");
    edit("src/version.ts", (text) => `${text}export const broken: number = "not a number";\n`);
    const run = release("--dry-run");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("release: the package does not build (`npm run build`, exit 2):");
    expect(run.stderr).toMatch(/src\/version\.ts\(\d+,\d+\): error TS2322/);
    expect(run.stderr).toContain("release: nothing written");
    expect(run.stdout).toBe("");
    expect(existsSync(join(clone, "dist"))).toBe(false);
    writeFileSync(join(clone, "src/version.ts"), original);
  }, 120_000);

  it("refuses specs/ that generated/ does not match (a sync or an edit not regenerated)", () => {
    edit("specs/v2.yaml", (text) => text.replace("  description: The Together REST API.", "  description: The Together REST API, revised."));
    const run = release("--dry-run");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("release: generated/ does not match specs/ (`npm run generate -- --check`, exit 1):");
    expect(run.stderr).toContain("run `npm run generate`, commit, and release again");
    expect(run.tags).toBe("");
  }, 120_000);

  it("first release after a spec change: keeps the entry, with its Generated from line naming the specs as they are now", () => {
    const generate = spawnSync(process.execPath, ["codegen/generate.mjs"], { cwd: clone, encoding: "utf8" });
    expect(generate.status, generate.stderr).toBe(0);
    git("commit", "--quiet", "-am", "specs changed before the first release");
    const before = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
    const sha = /\bv2: \{[^}]*sha256: "([0-9a-f]{12})/.exec(readFileSync(join(clone, "generated/spec-info.ts"), "utf8"))?.[1];
    expect(sha).toMatch(/^[0-9a-f]{12}$/);
    expect(before).not.toContain(`sha256:${sha}`);
    const dry = release("--dry-run");
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`release: CHANGELOG.md's 0.1.0 entry was written for other specs: its "Generated from" line becomes`);
    expect(dry).toMatchObject({ tags: "", dirty: "" });
    const real = release();
    expect(real.status, real.stderr).toBe(0);
    expect(real.tags).toBe("v0.1.0");
    const after = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
    expect(after).not.toBe(before);
    // Only that line changed; the entry's text is the one written for the release.
    const changed = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^Generated from v1 `specs\/v1\.yaml` .* v2 `specs\/v2\.yaml` \(info\.version [^,]+, sha256:[0-9a-f]{12}\)\.$/);
    expect(changed[0]).toContain(`sha256:${sha}`);
  }, 120_000);
});
