/**
 * Property: a random well-formed spec broken by one random mutation (dangling $ref, empty enum, enum that is not a
 * list, duplicate operationId, unknown type, broken YAML, unsupported OpenAPI version, a schema `$ref` to a
 * non-schema, a billion-laughs alias bomb) always makes the
 * generator exit 2 with one `file:line:col #/pointer: message` line that points at the broken node, and never
 * prints a stack trace.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../../codegen/cli.js";
import { repoRoot } from "../../codegen/config.js";
import type { ApiVersion } from "../../src/index.js";
import { wellFormedSpec } from "./spec-arbitraries.js";

const root = mkdtempSync(join(tmpdir(), "reliability-badspec-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const goodV1 = join(repoRoot, "test/codegen/fixtures/identical-schema/v1.yaml");

type Json = Record<string, any>;

/** One way to break a spec: the YAML text, what the message must say, and a marker the reported line must contain. */
interface Broken {
  readonly kind: string;
  readonly text: string;
  readonly message: RegExp;
  readonly pointer: RegExp;
  /** Text expected on the reported line ("" when the line is not predictable, e.g. the document's first line). */
  readonly marker: string;
}

const clone = (doc: Json): Json => structuredClone(doc);
const firstSchema = (doc: Json): [string, Json] => Object.entries(doc["components"]["schemas"] as Json)[0] as [string, Json];
const firstOperation = (doc: Json): Json => Object.values(Object.values(doc["paths"] as Json)[0] as Json)[0] as Json;

function mutations(doc: Json): fc.Arbitrary<Broken> {
  const danglingRef = fc.constant(null).map(() => {
    const d = clone(doc);
    firstSchema(d)[1]["properties"]["zz_dangling"] = { $ref: "#/components/schemas/NoSuchSchema" };
    return { kind: "dangling $ref", text: stringify(d), message: /points to nothing/, pointer: /\/zz_dangling\/\$ref$/, marker: "NoSuchSchema" };
  });
  // Non-string enum values are valid OpenAPI (typed by their values); an enum without values is not.
  const emptyEnum = fc.constantFrom("string", "integer").map((type) => {
    const d = clone(doc);
    firstSchema(d)[1]["properties"]["zz_enum"] = { type, enum: [] };
    return { kind: "empty enum", text: stringify(d), message: /`enum` has no values/, pointer: /\/zz_enum\/enum$/, marker: "" };
  });
  const enumNotList = fc.constantFrom("READY", "READY, PENDING").map((value) => {
    const d = clone(doc);
    firstSchema(d)[1]["properties"]["zz_enum"] = { enum: value };
    return { kind: "enum not a list", text: stringify(d), message: /`enum` must be a list/, pointer: /\/zz_enum\/enum$/, marker: value };
  });
  const duplicateId = fc.constant(null).map(() => {
    const d = clone(doc);
    const operation = firstOperation(d);
    d["paths"]["/zz-copy"] = { get: { ...operation, parameters: [] } };
    const id = String(operation["operationId"]);
    return { kind: "duplicate operationId", text: stringify(d), message: new RegExp(`duplicate operationId "${id}"`), pointer: /~1zz-copy\/get\/operationId$/, marker: id };
  });
  const unknownType = fc.constantFrom("strin", "int", "float64", "map").map((type) => {
    const d = clone(doc);
    firstSchema(d)[1]["properties"]["zz_typed"] = { type };
    return { kind: "unknown type", text: stringify(d), message: /unknown schema type/, pointer: /\/zz_typed\/type$/, marker: type };
  });
  const brokenYaml = fc.tuple(fc.nat(), fc.constantFrom("zz_broken: [unclosed, list", "\tzz_tab: 1", "zz: {a: 1", "- zz stray item")).map(([at, line]) => {
    const lines = stringify(doc).split("\n");
    const index = 1 + (at % (lines.length - 1));
    lines.splice(index, 0, line);
    return { kind: "broken YAML", text: lines.join("\n"), message: /malformed YAML/, pointer: /^#/, marker: "" };
  });
  const wrongVersion = fc.constantFrom("2.0", "4.0.0", "3.2.0", "1", "").map((version) => {
    const d = clone(doc);
    d["openapi"] = version;
    return { kind: "wrong openapi version", text: stringify(d), message: /only 3\.0\.x and 3\.1\.x are supported/, pointer: /^#\/openapi$/, marker: "openapi" };
  });
  const wrongKindRef = fc.constantFrom("#/info", "#/paths", "#/components/schemas").map((target) => {
    const d = clone(doc);
    firstSchema(d)[1]["properties"]["zz_kind"] = { $ref: target };
    return { kind: "$ref to a non-schema", text: stringify(d), message: /must point to a schema here/, pointer: /\/zz_kind\/\$ref$/, marker: target };
  });
  // Billion laughs appended to the document: 9 levels of 9 aliases (at least 9^7 nodes once expanded).
  const aliasBomb = fc.integer({ min: 7, max: 9 }).map((levels) => {
    const lines = ["x-zz-lol:", `  l0: &l0 [${Array(9).fill('"lol"').join(", ")}]`];
    for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(", ")}]`);
    return { kind: "alias bomb", text: `${stringify(doc)}${lines.join("\n")}\n`, message: /YAML aliases expand this spec beyond/, pointer: /^#\/x-zz-lol\/l\d+\/\d+$/, marker: "*l" };
  });
  return fc.oneof(danglingRef, emptyEnum, enumNotList, duplicateId, unknownType, brokenYaml, wrongVersion, wrongKindRef, aliasBomb);
}

const errorLine = /^(?<file>[^\n:]+\.yaml):(?<line>\d+):(?<col>\d+) (?<pointer>#[^\n]*?): (?<message>[^\n]+)\n$/;

async function generate(version: ApiVersion, text: string, name: string): Promise<{ code: number; stderr: string; file: string }> {
  const file = join(root, `${name}.yaml`);
  writeFileSync(file, text);
  const other = join(root, `${name}-other.yaml`);
  writeFileSync(other, stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} }));
  let stderr = "";
  const args = version === "v1" ? ["--v1", file, "--v2", other] : ["--v1", goodV1, "--v2", file];
  const code = await runCli([...args, "--out", join(root, `${name}-out`)], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
  return { code, stderr, file };
}

let run = 0;
describe.each(["v1", "v2"] as const)("malformed %s specs", (version) => {
  test("always give exit 2 and one file:line:col #/pointer line at the broken node, never a stack trace", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        wellFormedSpec(version).chain((doc) => mutations(doc)),
        async (broken) => {
          seen.add(broken.kind);
          const { code, stderr } = await generate(version, broken.text, `${version}-${run++}`);
          expect(stderr, broken.kind).not.toMatch(/\n\s+at /);
          expect(code, `${broken.kind}: ${stderr}`).toBe(2);
          const match = errorLine.exec(stderr);
          expect(match, `${broken.kind}: ${stderr}`).not.toBeNull();
          const { line, col, pointer, message } = match!.groups!;
          expect(message).toMatch(broken.message);
          expect(pointer).toMatch(broken.pointer);
          const lines = broken.text.split("\n");
          expect(Number(line)).toBeGreaterThanOrEqual(1);
          expect(Number(line)).toBeLessThanOrEqual(lines.length);
          expect(Number(col)).toBeGreaterThanOrEqual(1);
          expect(lines[Number(line) - 1]).toContain(broken.marker);
        },
      ),
      { numRuns: Number(process.env["RELIABILITY_BADSPEC_RUNS"] ?? 40) },
    );
    expect(seen.size, [...seen].join(", ")).toBeGreaterThanOrEqual(6);
  });

  test("a $ref that is not a string is a clear spec error, not an internal error with a stack trace", async () => {
    const text = stringify({
      openapi: version === "v1" ? "3.0.3" : "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Thing: { type: "object", properties: { other: { $ref: 5 } } } } },
    });
    const { code, stderr } = await generate(version, text, `${version}-ref-number`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toMatch(/^[^:]+\.yaml:\d+:\d+ #\/components\/schemas\/Thing\/properties\/other\/\$ref: /);
    expect(code).toBe(2);
  });
});

test("the real CLI process prints the located error and no stack trace for a broken spec", () => {
  const file = join(root, "cli-broken.yaml");
  writeFileSync(file, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get: [unclosed\n");
  const child = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "codegen/main.ts"), "--v1", goodV1, "--v2", file, "--out", join(root, "cli-out")], {
    encoding: "utf8",
    cwd: repoRoot,
    timeout: 60_000,
  });
  expect(child.status).toBe(2);
  expect(child.stdout).toBe("");
  expect(child.stderr).toMatch(/cli-broken\.yaml:\d+:\d+ #[^\s]*: malformed YAML: /);
  expect(child.stderr).not.toMatch(/\n\s+at /);
});
