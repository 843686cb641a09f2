import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { defaultConfig } from "../../codegen/config.js";
import type { GeneratedFile } from "../../codegen/emit/header.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { cli, specText, tempDir } from "./helpers.js";
import { codeTokens, execute, syntaxErrors, typeErrors } from "./inert.js";

// Each case: a spec that made the generator print text which ended or opened a comment or string early, or an
// identifier TypeScript refuses (issue 11). The output must parse, carry no spec text as code, and type-check.

/** Runs the pipeline on v1/v2 YAML texts (same text for both unless given) and writes the files for tsc. */
async function generate(v1: string, v2 = v1, dir = tempDir("hostile")): Promise<{ files: GeneratedFile[]; dir: string }> {
  writeFileSync(join(dir, "v1.yaml"), v1);
  writeFileSync(join(dir, "v2.yaml"), v2);
  const out = join(dir, "out");
  const { files } = await runPipeline({ ...defaultConfig, v1: join(dir, "v1.yaml"), v2: join(dir, "v2.yaml"), out });
  for (const file of files) {
    mkdirSync(join(out, file.path, ".."), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  return { files, dir: out };
}

const tsFiles = (files: readonly GeneratedFile[]) => files.filter((f) => f.path.endsWith(".ts"));

/**
 * Every generated .ts parses, runs without touching a global, and no spec text became code: the payloads below
 * (`globalThis.PWNED = 1`, `PWNED()`) are nowhere in the tokens it runs outside string literals.
 */
function expectInert(files: readonly GeneratedFile[]): void {
  expect(tsFiles(files).flatMap(syntaxErrors)).toEqual([]);
  for (const file of tsFiles(files)) {
    expect(codeTokens(file), file.path).not.toMatch(/\. PWNED|PWNED \(/);
    expect(execute(file).touchedGlobals, file.path).toEqual([]);
  }
}

describe("spec text cannot end or open a comment in generated code", () => {
  test("a JSON pointer with `*/`, U+2028 and `/*` (schema `S*`, property names) stays inside its @see line", async () => {
    const schemas = {
      "S*": {
        type: "object",
        properties: {
          "x\u2028globalThis.PWNED = 1;\u2028": {
            type: "object",
            properties: { "*Q": { type: "string", enum: ["a", "b"] } },
          },
        },
      },
    };
    const { files } = await generate(specText({ schemas }));
    expectInert(files);
    const enums = files.find((f) => f.path === "enums.ts")!;
    expect(execute(enums).touchedGlobals).toEqual([]);
    expect(Object.keys(execute(enums).exports).sort()).toEqual(["v1SXGlobalThisPWNED1QValues", "v2SXGlobalThisPWNED1QValues"]);
    expect(enums.content).toContain("#/components/schemas/S*\\/properties/x\\u2028globalThis.PWNED = 1;\\u2028/properties/\\*Q");
  });

  test("prose with `/*` (a path glob in a description or summary) leaves every file parseable", async () => {
    const schemas = {
      Cluster: {
        type: "object",
        description: "Served under /compute/clusters/* and /v1/* */ PWNED();",
        properties: { state: { type: "string", enum: ["a"], description: "see /regions/*\r\nsecond line\u2029third" } },
      },
    };
    const paths = { "/clusters/*": { get: { operationId: "globList", summary: "lists /clusters/*\nPWNED()", responses: { "200": { description: "ok" } } } } };
    const { files } = await generate(specText({ schemas, paths }));
    expectInert(files);
    expect(files.find((f) => f.path === "models.ts")!.content).toContain(" * Served under /compute/clusters/\\* and /v1/\\* *\\/ PWNED();");
  });

  test("a spec path holding `*/`, a newline and `-->` stays inside the `// source:` and `<!-- -->` banners", async () => {
    const dir = join(tempDir("hostile-path"), "specs */ PWNED()\n-->x");
    mkdirSync(dir, { recursive: true });
    const { files } = await generate(specText({}), specText({}), dir);
    expectInert(files);
    for (const file of tsFiles(files)) expect(file.content.split("\n").filter((line) => line.startsWith("// source:"))).toHaveLength(2);
    const report = files.find((f) => f.path === "merge-report.md")!.content;
    expect(report.slice(0, report.indexOf("-->"))).toContain("specs *\\/ PWNED()\\n-\\->x");
  });

  test("enum values with quotes, backslashes, backticks, `${`, NUL, lone surrogates and line separators are exact strings", async () => {
    const values = ['q"uote', "back\\", "`${PWNED()}`", "nul\u0000", "lone\ud800", "line\u2028sep", "*/", "/*", "'"];
    const schemas = { Thing: { type: "object", properties: { kind: { type: "string", enum: values } } } };
    const { files } = await generate(specText({ schemas }));
    expect(tsFiles(files).flatMap(syntaxErrors)).toEqual([]);
    const { exports, touchedGlobals } = execute(files.find((f) => f.path === "enums.ts")!);
    expect(touchedGlobals).toEqual([]);
    expect(exports.v1ThingKindValues).toEqual(values);
  });
});

test("control characters in spec text reach the terminal as \\uXXXX, never as escape sequences", async () => {
  const dir = tempDir("terminal");
  const text = ["openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}", "components:", "  schemas:", '    "\\e]0;owned\\a\\e[2J":', "      $ref: '#/nope'"].join("\n");
  writeFileSync(join(dir, "v.yaml"), text);
  const { code, stderr } = await cli(["--v1", join(dir, "v.yaml"), "--v2", join(dir, "v.yaml"), "--out", join(dir, "out")]);
  expect(code).toBe(2);
  expect(stderr).toContain("#/components/schemas/\\u001b]0;owned\\u0007\\u001b[2J/$ref: $ref");
  expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
});

describe("identifiers", () => {
  test("schemas named with reserved words or non-identifiers in both specs get safe names that compile, and the report says so", async () => {
    const names = ["class", "default", "string", "delete", "my-schema", "1st"];
    const schemas = Object.fromEntries(names.map((name) => [name, { type: "object", properties: { id: { type: "string" } } }]));
    const { files, dir } = await generate(specText({ schemas }));
    expect(typeErrors(dir, files)).toEqual([]);
    const models = files.find((f) => f.path === "models.ts")!.content;
    for (const name of ["class_", "default_", "string_", "delete_", "MySchema", "_1st"]) expect(models).toContain(`export type ${name} = `);
    const report = files.find((f) => f.path === "merge-report.md")!.content;
    expect(report).toContain("- `class` is a reserved word in TypeScript: emitted as `class_`");
    expect(report).toContain("- `my-schema` is not a TypeScript identifier: emitted as `MySchema`");
  });

  test("`__proto__`, `constructor` and `prototype` keys stay own keys of documents.ts's objects", async () => {
    const schemas = {
      __proto__: { type: "object", properties: { __proto__: { type: "string" }, constructor: { type: "string" } } },
      prototype: { type: "string" },
    };
    // specText builds YAML from a JS object: make "__proto__" an own key there first.
    const withProto = JSON.parse(JSON.stringify({ schemas }).replace('"schemas":{', '"schemas":{"__proto__":{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}}},'));
    const { files, dir } = await generate(specText({ schemas: withProto.schemas }));
    const documents = execute(files.find((f) => f.path === "documents.ts")!).exports.v1Document as { components: { schemas: Record<string, { properties?: object }> } };
    const loaded = documents.components.schemas;
    // Objects from another V8 context: their prototype is that context's Object.prototype, whose own prototype is null.
    expect(Object.getPrototypeOf(Object.getPrototypeOf(loaded))).toBeNull();
    expect(Object.hasOwn(loaded, "__proto__")).toBe(true);
    expect(Object.keys(loaded).sort()).toEqual(["__proto__", "prototype"]);
    expect(Object.keys(loaded.__proto__!.properties!).sort()).toEqual(["__proto__", "constructor"]);
    expect(typeErrors(dir, files)).toEqual([]);
  });
});

describe("$ref kinds", () => {
  test.each([
    { at: "schema", ref: "#/info", detail: 'must point to a schema here, but it points to no OpenAPI object that can be referenced' },
    { at: "schema", ref: "#/components/parameters/P", detail: "must point to a schema here, but it points to a parameter" },
    { at: "schema", ref: "#/components/schemas/A/properties", detail: "must point to a schema here, but it points to no OpenAPI object" },
  ])("`$ref: $ref` where a $at is expected is refused with file:line:col and exit 2", async ({ ref }) => {
    const dir = tempDir("ref-kind");
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths: {}",
      "components:",
      "  parameters:",
      "    P: {name: p, in: query, schema: {type: string}}",
      "  schemas:",
      "    A:",
      "      type: object",
      "      properties:",
      "        b:",
      `          $ref: '${ref}'`,
    ].join("\n");
    writeFileSync(join(dir, "v.yaml"), text);
    const { code, stderr } = await cli(["--v1", join(dir, "v.yaml"), "--v2", join(dir, "v.yaml"), "--out", join(dir, "out")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`v\\.yaml:12:17 #/components/schemas/A/properties/b/\\$ref: \\$ref "${ref.replaceAll("/", "\\/")}" must point to a schema here, but it points to `));
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test("a parameter `$ref` must point to a parameter", async () => {
    const dir = tempDir("ref-kind-param");
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: getA",
      "      parameters:",
      "        - $ref: '#/components/schemas/S'",
      "      responses: {'200': {description: ok}}",
      "components:",
      "  schemas:",
      "    S: {type: string}",
    ].join("\n");
    writeFileSync(join(dir, "v.yaml"), text);
    const { code, stderr } = await cli(["--v1", join(dir, "v.yaml"), "--v2", join(dir, "v.yaml"), "--out", join(dir, "out")]);
    expect(code).toBe(2);
    expect(stderr).toContain('v.yaml:8:17 #/paths/~1a/get/parameters/0/$ref: $ref "#/components/schemas/S" must point to a parameter here, but it points to a schema');
  });
});

describe("YAML aliases and nesting are bounded, with located errors and exit 2", () => {
  const head = ["openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}"];
  const laughs = [...head, "x-lol:", `  a0: &a0 [${Array(9).fill('"lol"').join(", ")}]`, ...Array.from({ length: 9 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(", ")}]`)];
  const big = "x".repeat(100_000);
  test.each([
    { what: "billion laughs", text: laughs.join("\n"), located: /^v\.yaml:11:12 #\/x-lol\/a6\/0: YAML aliases expand this spec beyond 4194304 bytes/ },
    { what: "a 100 kB string aliased 300 times", text: [...head, `x-big: &b '${big}'`, "x-many:", ...Array(300).fill("  - *b")].join("\n"), located: /^v\.yaml:46:5 #\/x-many\/40: YAML aliases expand this spec beyond 4194304 bytes/ },
    { what: "a recursive alias", text: [...head, "x-r: &r [1, *r]"].join("\n"), located: /^v\.yaml:4:13 #\/x-r\/1: alias \*r refers to a node that contains it/ },
    { what: "nesting 10,000 levels deep", text: [...head, `x-deep: ${"[".repeat(10_000)}${"]".repeat(10_000)}`].join("\n"), located: /^v\.yaml:4:\d+ #\/x-deep(\/0)*(…\(\d+ characters\)…(\/0)+)?: (nesting deeper than 500 levels is not supported|the YAML is nested too deeply to parse)/ },
    { what: "nesting 600 levels deep", text: [...head, `x-deep: ${"[".repeat(600)}${"]".repeat(600)}`].join("\n"), located: /^v\.yaml:4:\d+ #\/x-deep(\/0)+…\(\d+ characters\)…(\/0)+: nesting deeper than 500 levels is not supported/ },
  ])("$what", async ({ text, located }) => {
    const dir = tempDir("aliases");
    writeFileSync(join(dir, "v.yaml"), text);
    const { code, stdout, stderr } = await cli(["--v1", join(dir, "v.yaml"), "--v2", join(dir, "v.yaml"), "--out", join(dir, "out")]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.slice(stderr.indexOf("v.yaml"))).toMatch(located);
    // A pointer 10,000 levels deep is shortened around its middle: the line stays readable.
    expect(Math.max(...stderr.split("\n").map((line) => line.length))).toBeLessThan(400);
    expect(stderr).not.toMatch(/internal error|Error:|\n\s+at /);
  });
});

test("a spec the differ cannot compare (boolean schemas, valid in 3.1) still regenerates; the notice says why it is missing", async () => {
  const dir = tempDir("notice-fails");
  const spec = (description: string) =>
    [
      "openapi: 3.1.0",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: getA",
      `      description: ${description}`,
      "      responses: {'200': {description: ok, content: {application/json: {schema: true}}}}",
    ].join("\n");
  const args = ["--v1", join(dir, "v.yaml"), "--v2", join(dir, "v.yaml"), "--out", join(dir, "out")];
  writeFileSync(join(dir, "v.yaml"), spec("first"));
  expect((await cli(args)).code).toBe(0);
  writeFileSync(join(dir, "v.yaml"), spec("second"));
  const second = await cli(args);
  expect(second.code).toBe(0);
  expect(second.stderr).not.toMatch(/error|\n\s+at /i);
  expect(second.stdout).toMatch(/wrote \d+ files \(\d+ changed, 0 removed\)\n(Changes since the last generation: not available \(the spec differ failed: .+\)\n|Changes since the last generation:\n)/);
});
