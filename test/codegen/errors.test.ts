import { execFile } from "node:child_process";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../../codegen/config.js";
import { CodegenError, CodegenErrors, errorCap } from "../../codegen/errors.js";
import { cli, errorOf, fixturesDir, tempDir } from "./helpers.js";

const run = promisify(execFile);

// Each bad-spec case: the text, and the exact `file:line:col pointer` prefix plus the gist of the message.
describe("bad specs are rejected with file:line:col, JSON pointer and what is wrong", () => {
  test("malformed YAML", () => {
    const text = readFileSync(join(fixturesDir, "bad/malformed.yaml"), "utf8");
    const { name, message } = errorOf(text, "bad/malformed.yaml");
    expect(name).toBe("CodegenError");
    expect(message).toMatch(/^bad\/malformed\.yaml:10:1 #\/paths\/~1api~1v1~1regions\/get\/responses\/200: malformed YAML: /);
  });

  // yaml's own duplicate-key check is off (it is quadratic in a mapping's size); yaml-limits.ts does it in one pass.
  test.each([
    { description: "block mapping", text: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a: {}\n  /b: {}\n  /a: {}\n", at: "bad.yaml:6:3 #/paths/~1a" },
    { description: "flow mapping", text: "openapi: 3.1.0\ninfo: {title: t, version: '1', title: u}\npaths: {}\n", at: "bad.yaml:2:32 #/info/title" },
    { description: "null keys", text: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  ~: {}\n  null: {}\n", at: "bad.yaml:5:3 #/paths/null" },
  ])("a key repeated in a $description", ({ text, at }) => {
    expect(errorOf(text).message).toBe(`${at}: malformed YAML: Map keys must be unique`);
  });

  test("$ref to nothing", () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths: {}",
      "components:",
      "  schemas:",
      "    Cluster:",
      "      type: object",
      "      properties:",
      "        region:",
      "          $ref: '#/components/schemas/Region'",
    ].join("\n");
    expect(errorOf(text).message).toBe(
      'bad.yaml:10:17 #/components/schemas/Cluster/properties/region/$ref: $ref "#/components/schemas/Region" points to nothing',
    );
  });

  test.each([
    { description: "external $ref", ref: "'other.yaml#/components/schemas/X'", detail: 'external $ref "other.yaml#/components/schemas/X" is not supported: vendor a single-file spec' },
    { description: "non-string $ref", ref: "42", detail: "$ref must be a string, found 42" },
  ])("$description", ({ ref, detail }) => {
    const text = ["openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}", "components:", "  schemas:", "    A:", `      $ref: ${ref}`].join("\n");
    expect(errorOf(text).message).toBe(`bad.yaml:7:13 #/components/schemas/A/$ref: ${detail}`);
  });

  test("cyclic $ref that no TypeScript type can express", () => {
    const text = [
      "openapi: 3.1.0",
      "info: {title: t, version: '1'}",
      "paths: {}",
      "components:",
      "  schemas:",
      "    A:",
      "      $ref: '#/components/schemas/B'",
      "    B:",
      "      allOf:",
      "        - $ref: '#/components/schemas/A'",
    ].join("\n");
    expect(errorOf(text).message).toBe(
      "bad.yaml:10:17 #/components/schemas/B/allOf/0/$ref: cyclic $ref cannot be emitted as a TypeScript type (no object or array breaks the cycle): " +
        "#/components/schemas/A → #/components/schemas/B → #/components/schemas/A",
    );
  });

  test("duplicate operationIds within one spec", () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: Same",
      "      responses: {'200': {description: OK}}",
      "  /b:",
      "    get:",
      "      operationId: Same",
      "      responses: {'200': {description: OK}}",
    ].join("\n");
    expect(errorOf(text).message).toBe('bad.yaml:10:20 #/paths/~1b/get/operationId: duplicate operationId "Same", first used at 6:20 #/paths/~1a/get/operationId; operationIds must be unique');
  });

  test("every problem of a spec is reported in one run, with a count", () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths: {}",
      "components:",
      "  schemas:",
      "    Volume:",
      "      properties:",
      "        a: {type: strin}",
      "        b: {enum: []}",
      "    Other: {type: wat}",
    ].join("\n");
    expect(errorOf(text).message.split("\n")).toEqual([
      "bad.yaml: 3 errors:",
      'bad.yaml:8:19 #/components/schemas/Volume/properties/a/type: unknown schema type "strin": use one of string, integer, number, boolean, null, object, array',
      "bad.yaml:9:13 #/components/schemas/Volume/properties/b/enum: `enum` has no values: list at least one, or drop `enum`",
      'bad.yaml:10:19 #/components/schemas/Other/type: unknown schema type "wat": use one of string, integer, number, boolean, null, object, array',
    ]);
  });

  test.each([
    { description: "Swagger 2.0", head: "swagger: '2.0'", expected: "bad.yaml:1:10 #/swagger: unsupported spec version swagger 2.0: only OpenAPI 3.0.x and 3.1.x are supported" },
    { description: "OpenAPI 3.2", head: "openapi: 3.2.0", expected: 'bad.yaml:1:10 #/openapi: unsupported OpenAPI version "3.2.0": only 3.0.x and 3.1.x are supported' },
  ])("unsupported OpenAPI version: $description", ({ head, expected }) => {
    expect(errorOf(`${head}\ninfo: {title: t, version: '1'}\npaths: {}\n`).message).toBe(expected);
  });

  test.each([
    ["codegen/generate.mjs (npm run generate)", ["codegen/generate.mjs"]],
    ["codegen/main.ts under tsx", ["--import", "tsx", "codegen/main.ts"]],
  ])("the CLI prints the located error without a stack trace and exits 2: %s", async (_entry, entry) => {
    const result = await run(process.execPath, [...entry, "--v1", "test/codegen/fixtures/bad/malformed.yaml", "--v2", "test/codegen/fixtures/bad/ok.yaml", "--out", tempDir("cli")], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^test\/codegen\/fixtures\/bad\/malformed\.yaml:10:1 #\/paths\/~1api~1v1~1regions\/get\/responses\/200: malformed YAML: .*\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe("unusable arguments exit 2 with a message", () => {
  test.each([
    { description: "missing spec file", args: ["--v1", "does-not-exist.yaml"], message: /^does-not-exist\.yaml: cannot read spec: ENOENT/ },
    { description: "spec path is a folder", args: ["--v2", "specs"], message: /^specs: cannot read spec: not a file\n$/ },
    { description: "unknown option", args: ["--frobnicate"], message: /^Unknown option '--frobnicate'/ },
  ])("$description", async ({ args, message }) => {
    const result = await cli([...args, "--out", tempDir("args")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("a failing run leaves the output folder exactly as it was", () => {
  test("bad v2 spec: exit 2 and every previous file is byte-identical, nothing added", async () => {
    const out = tempDir("atomic");
    const good = await cli(["--v1", join(fixturesDir, "identical-schema/v1.yaml"), "--v2", join(fixturesDir, "identical-schema/v2.yaml"), "--out", out]);
    expect(good.code).toBe(0);
    const before = snapshotDir(out);
    const specs = tempDir("atomic-specs");
    cpSync(join(fixturesDir, "bad/malformed.yaml"), join(specs, "v2.yaml"));
    const bad = await cli(["--v1", join(fixturesDir, "identical-schema/v1.yaml"), "--v2", join(specs, "v2.yaml"), "--out", out]);
    expect(bad.code).toBe(2);
    expect(snapshotDir(out)).toEqual(before);
  });
});

function snapshotDir(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => [join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name), "utf8")]));
}

describe("CodegenErrors: every problem of a spec in one run", () => {
  test(`lists the first ${errorCap} located errors and counts the rest`, () => {
    const errors = Array.from({ length: errorCap + 3 }, (_, i) => new CodegenError({ file: "specs/v2.yaml", line: i + 1, col: 1, pointer: `#/paths/p${i}` }, `problem ${i}`));
    const lines = new CodegenErrors(errors as [CodegenError, ...CodegenError[]]).message.split("\n");
    expect(lines[0]).toBe(`specs/v2.yaml: ${errorCap + 3} errors, the first ${errorCap} listed:`);
    expect(lines.slice(1, -1)).toHaveLength(errorCap);
    expect(lines[1]).toBe("specs/v2.yaml:1:1 #/paths/p0: problem 0");
    expect(lines.at(-1)).toBe(`… and 3 more (${errorCap + 3} in all)`);
  });
});
