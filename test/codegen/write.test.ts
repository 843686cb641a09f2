import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkOutput, writeOutput } from "../../codegen/write.js";
import { cli, fixturesDir, tempDir } from "./helpers.js";

const pairArgs = (name: string) => ["--v1", join(fixturesDir, name, "v1.yaml"), "--v2", join(fixturesDir, name, "v2.yaml")];

function snapshotDir(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]));
}

describe("--check", () => {
  test("exits 1 naming every stale and orphaned file, and writes nothing", async () => {
    const out = join(tempDir("check"), "generated");
    expect((await cli([...pairArgs("enum-added-in-v2"), "--out", out])).code).toBe(0);
    // The fixtures lack the cluster operations of codegen/config.ts: their warnings are all --check prints when up to date.
    const upToDate = await cli([...pairArgs("enum-added-in-v2"), "--out", out, "--check"]);
    expect({ code: upToDate.code, stdout: upToDate.stdout }).toEqual({ code: 0, stdout: "" });
    expect(upToDate.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "))).toEqual([]);

    writeFileSync(join(out, "enums.ts"), "// edited by hand\n");
    rmSync(join(out, "v2/schema.ts"));
    writeFileSync(join(out, "leftover.ts"), "export {};\n");
    mkdirSync(join(out, "old"));
    writeFileSync(join(out, "old/thing.md"), "x");
    const before = snapshotDir(out);

    const result = await cli([...pairArgs("enum-added-in-v2"), "--out", out, "--check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("  stale:    enums.ts\n");
    expect(result.stderr).toContain("  stale:    v2/schema.ts\n");
    expect(result.stderr).toContain("  orphaned: leftover.ts\n");
    expect(result.stderr).toContain("  orphaned: old/thing.md\n");
    expect(result.stderr).toContain("Run the same command without --check");
    expect(result.stderr).not.toContain("models.ts");
    expect(snapshotDir(out)).toEqual(before);
  });

  test("a missing output folder is reported as all files stale", async () => {
    const out = join(tempDir("check-missing"), "generated");
    const result = await cli([...pairArgs("identical-schema"), "--out", out, "--check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("  stale:    operations.ts\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe("write", () => {
  test("generate repairs drift, removes orphans, and a second run changes nothing", async () => {
    const out = join(tempDir("write"), "generated");
    await cli([...pairArgs("field-only-in-v1"), "--out", out]);
    const clean = snapshotDir(out);
    writeFileSync(join(out, "models.ts"), "broken");
    // An earlier run's file that this run no longer produces: it carries the banner, so it is the generator's.
    writeFileSync(join(out, "orphan.ts"), readFileSync(join(out, "operations.ts"), "utf8"));
    const repaired = await cli([...pairArgs("field-only-in-v1"), "--out", out]);
    expect(repaired.stdout).toContain("(1 changed, 1 removed)");
    expect(snapshotDir(out)).toEqual(clean);
    const again = await cli([...pairArgs("field-only-in-v1"), "--out", out]);
    expect(again.stdout).toContain("up to date");
  });

  test("a failure in the middle of writing leaves the old output untouched and no temp folder behind", async () => {
    const parent = tempDir("midwrite");
    const out = join(parent, "generated");
    await writeOutput([{ path: "a.ts", content: "old\n" }], out);
    const before = snapshotDir(out);
    // "x" as a file and "x/y.ts" below it cannot both exist: the second write fails after the first succeeded.
    await expect(writeOutput([{ path: "a.ts", content: "new\n" }, { path: "x", content: "1" }, { path: "x/y.ts", content: "2" }], out)).rejects.toThrow();
    expect(snapshotDir(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
  });

  test.each([
    { what: "a .git folder", add: (out: string) => (mkdirSync(join(out, ".git")), writeFileSync(join(out, ".git/HEAD"), "ref: refs/heads/main\n")), listed: ".git/HEAD" },
    { what: "the input spec", add: (out: string) => writeFileSync(join(out, "v1.yaml"), "openapi: 3.0.3\n"), listed: "v1.yaml" },
    { what: "an empty folder", add: (out: string) => mkdirSync(join(out, "keep")), listed: "keep/" },
    { what: "a file without the banner", add: (out: string) => writeFileSync(join(out, "notes.md"), "# mine\n"), listed: "notes.md" },
  ])("--out holding $what is refused with exit 2, and nothing in it is touched", async ({ add, listed }) => {
    const out = join(tempDir("foreign"), "generated");
    expect((await cli([...pairArgs("identical-schema"), "--out", out])).code).toBe(0);
    writeFileSync(join(out, "models.ts"), "stale");
    add(out);
    const before = snapshotDir(out);
    const result = await cli([...pairArgs("identical-schema"), "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refusing to write ${out}: it holds what the generator did not write (${listed})`);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(snapshotDir(out)).toEqual(before);
    expect(existsSync(join(out, listed))).toBe(true);
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
  });

  test("--out naming a file is refused with exit 2 before anything runs, with or without --check", async () => {
    const dir = tempDir("out-file");
    const file = join(dir, "spec.yaml");
    writeFileSync(file, "not a folder\n");
    for (const extra of [[], ["--check"]]) {
      const result = await cli([...pairArgs("identical-schema"), "--out", file, ...extra]);
      expect(result).toEqual({ code: 2, stdout: "", stderr: `--out ${file} is a file, not a folder; name a folder for the generated files. Nothing was changed.\n` });
    }
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
    expect(readdirSync(dir)).toEqual(["spec.yaml"]);
  });

  test("--out below a file (ENOTDIR) is exit 2 with the system's reason, no stack trace", async () => {
    const dir = tempDir("out-below-file");
    writeFileSync(join(dir, "file"), "x");
    const result = await cli([...pairArgs("identical-schema"), "--out", join(dir, "file", "generated")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cannot use .*file\/generated as the output folder: ENOTDIR/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test("paths escaping the output folder are refused before anything is written", async () => {
    const out = join(tempDir("escape"), "generated");
    await expect(writeOutput([{ path: "../evil.ts", content: "" }], out)).rejects.toThrow(/outside the output folder/);
    await expect(checkOutput([{ path: "/abs.ts", content: "" }], out)).rejects.toThrow(/outside the output folder/);
    expect(existsSync(out)).toBe(false);
  });
});
