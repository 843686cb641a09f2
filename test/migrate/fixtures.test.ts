/**
 * The codemod against input/output fixture pairs (like aws-sdk-js-codemod's): every input migrates to its output
 * byte for byte, untouched fixtures stay byte for byte, a second run changes nothing, --dry-run writes nothing, and
 * both sides of every pair type-check.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixmeMarker } from "../../src/migrate/file-edits.js";
import { migrate, type MigrateResult } from "../../src/migrate/run.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const fixtures = join(here, "fixtures");
const tsConfigFilePath = join(here, "tsconfig.json");
const cases = readdirSync(fixtures).sort();
const cacheDir = join(here, "../../node_modules/.cache");
mkdirSync(cacheDir, { recursive: true });

let work: string;
let first: MigrateResult;
let second: MigrateResult;

/** Copies every fixture input to <work>/<case>.ts (under node_modules/.cache so packages still resolve). */
function copyInputs(): string {
  const dir = mkdtempSync(join(cacheDir, "migrate-fixtures-"));
  for (const name of cases) cpSync(join(fixtures, name, "input.ts"), join(dir, `${name}.ts`));
  return dir;
}

beforeAll(() => {
  work = copyInputs();
  first = migrate({ paths: [work], cwd: work, tsConfigFilePath });
  second = migrate({ paths: [work], cwd: work, tsConfigFilePath });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("together-clusters migrate fixtures", () => {
  it.each(cases)("%s: input migrates to output (or stays untouched)", (name) => {
    const expected = join(fixtures, name, "output.ts");
    const input = readFileSync(join(fixtures, name, "input.ts"), "utf8");
    const migrated = readFileSync(join(work, `${name}.ts`), "utf8");
    if (name.startsWith("untouched-")) {
      expect(existsSync(expected)).toBe(false);
      expect(migrated).toBe(input);
      expect(first.findings.filter((f) => f.file === `${name}.ts`)).toEqual([]);
    } else {
      expect(migrated).toBe(readFileSync(expected, "utf8"));
    }
  });

  it("a second run changes nothing and writes no second FIXME", () => {
    expect(second.files).toEqual([]);
    for (const name of cases) {
      const text = readFileSync(join(work, `${name}.ts`), "utf8");
      const lines = text.split("\n");
      lines.forEach((line, i) => {
        if (line.includes(fixmeMarker)) expect(lines[i - 1] ?? "", `${name}.ts:${i + 1}`).not.toContain(fixmeMarker);
      });
    }
    // Every FIXME of the first run is still reported on the second, at the line it now marks.
    expect(second.findings.filter((f) => f.kind === "fixme").length).toBe(first.findings.filter((f) => f.kind === "fixme").length);
  });

  it("reports every FIXME comment with file:line", () => {
    for (const finding of first.findings.filter((f) => f.kind === "fixme")) {
      const lines = readFileSync(join(work, finding.file), "utf8").split("\n");
      expect(lines.some((line) => line.includes(fixmeMarker) && line.includes(finding.message.slice(0, 40))), `${finding.file}:${finding.line}`).toBe(true);
    }
    expect(first.findings.filter((f) => f.kind === "fixme").map((f) => `${f.file}:${f.line}`)).toContain("fetch-unsafe.ts:5");
  });

  it("--dry-run writes nothing and returns the changes", () => {
    const dir = copyInputs();
    try {
      const result = migrate({ paths: [dir], cwd: dir, dryRun: true, tsConfigFilePath });
      expect(result.files.map((f) => f.path).sort()).toEqual(cases.filter((c) => !c.startsWith("untouched-")).map((c) => `${c}.ts`));
      for (const name of cases) expect(readFileSync(join(dir, `${name}.ts`), "utf8")).toBe(readFileSync(join(fixtures, name, "input.ts"), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("every input and output type-checks", () => {
    const project = new Project({ tsConfigFilePath });
    const problems = project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getFilePath()}:${d.getLineNumber()}: ${String(d.getMessageText())}`);
    expect(problems).toEqual([]);
    expect(project.getSourceFiles().length).toBeGreaterThanOrEqual(cases.length * 2 - 2);
  }, 60_000);
});
