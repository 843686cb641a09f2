/**
 * Property: for any document (random trees of OpenAPI keywords, scalars, `$ref`s to anything, YAML aliases where
 * values repeat) in schema, parameter and response positions, the generator exits 0 or 2, never 3; a refusal is one
 * message without a stack trace, and never the catch-all "cannot normalize/merge/emit" (each case it reaches is a
 * check missing from load or normalize).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../../codegen/cli.js";

const root = mkdtempSync(join(tmpdir(), "reliability-anyspec-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom("object", "string", "array", "#/components/schemas/A", "#/info", "query"));
const key = fc.constantFrom(
  ..."type properties items enum $ref allOf oneOf anyOf additionalProperties nullable required schema content format default discriminator mapping not const in name A B x".split(" "),
  "application/json",
);
const tree = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })) })).node;

let run = 0;
test.each(["3.0.3", "3.1.0"])("any OpenAPI %s document gets exit 0 or a located exit 2, never an internal error", async (openapi) => {
  const codes = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(tree, tree, async (a, b) => {
      const operation = { operationId: "opA", parameters: [{ name: "p", in: "query", schema: a }], responses: { "200": { description: "ok", content: { "application/json": { schema: a } } } } };
      const doc = { openapi, info: { title: "t", version: "1" }, paths: { "/a": { get: operation } }, components: { schemas: { A: b, B: { type: "object", properties: { x: b, y: a } } } } };
      const dir = join(root, String(run++));
      const file = join(dir, "v.yaml");
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, stringify(doc));
      let stderr = "";
      const code = await runCli(["--v1", file, "--v2", file, "--out", join(dir, "out")], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect([0, 2], stderr).toContain(code);
      expect(stderr).not.toMatch(/internal error|\n\s+at |cannot (load|normalize|merge|emit)/);
      // A refusal: located lines (`file:line:col #/pointer: what`), after a `file: N errors:` header when there are several.
      const lines = stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "));
      if (code === 2) for (const line of lines) expect(line).toMatch(/v\.yaml(:\d+:\d+ #[^\n]*: .+|: \d+ errors.*:)$/);
    }),
    // Two fixed examples (a valid pair, a `$ref` to a non-schema) keep both outcomes present whatever the random draw.
    { numRuns: Number(process.env["RELIABILITY_ANYSPEC_RUNS"] ?? 60), examples: [[{ type: "string" }, { type: "integer" }], [{ $ref: "#/info" }, { type: "string" }]] },
  );
  // Both outcomes occur, so the property is not vacuous.
  expect(codes.get(2) ?? 0).toBeGreaterThan(0);
  expect(codes.get(0) ?? 0).toBeGreaterThan(0);
}, 120_000);
