import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { parseDocument, YAMLSeq } from "yaml";
import { repoRoot } from "../../codegen/config.js";
import { cli, tempDir } from "./helpers.js";

const run = promisify(execFile);
const tscBin = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * The real specs with three changes to v2: a new enum value, a removed field, a new operation.
 * The generator must still produce code that type-checks, and the report must mention each change.
 */
function writeModifiedSpecs(dir: string): { v1: string; v2: string } {
  const v1 = join(dir, "v1.yaml");
  const v2 = join(dir, "v2.yaml");
  writeFileSync(v1, readFileSync(join(repoRoot, "specs/v1.yaml"), "utf8"));
  const doc = parseDocument(readFileSync(join(repoRoot, "specs/v2.yaml"), "utf8"));
  const info = ["components", "schemas", "GPUClusterInfo"];
  (doc.getIn([...info, "properties", "gpu_type", "enum"]) as YAMLSeq).add("GB300_NVL72");
  expect(doc.deleteIn([...info, "properties", "cluster_name"])).toBe(true);
  const required = doc.getIn([...info, "required"]) as YAMLSeq;
  required.items = required.items.filter((item) => String((item as { value?: unknown }).value ?? item) !== "cluster_name");
  doc.setIn(
    ["paths", "/compute/clusters/{cluster_id}/restart"],
    doc.createNode({
      post: {
        operationId: "GPUClusterService_Restart",
        summary: "Restart a GPU cluster",
        parameters: [{ name: "cluster_id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/GPUClusterInfo" } } } } },
      },
    }),
  );
  writeFileSync(v2, doc.toString());
  return { v1, v2 };
}

describe("generator on a modified pair of specs (new enum value, removed field, new operation)", () => {
  let out = "";
  let report = "";
  const baseline = readFileSync(join(repoRoot, "generated/merge-report.md"), "utf8");

  beforeAll(async () => {
    const dir = tempDir("modified");
    const specs = writeModifiedSpecs(dir);
    out = join(dir, "generated");
    const result = await cli(["--v1", specs.v1, "--v2", specs.v2, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    report = readFileSync(join(out, "merge-report.md"), "utf8");
  }, 120_000);

  test("the report mentions the new enum value (and did not before)", () => {
    const line = "- enum values only in v2: `gpu_type`: `L40_PCIE`, `B200_SXM`, `H100_SXM_INF`, `GB300_NVL72`";
    expect(section(report, "### `GPUClusterInfo`")).toContain(line);
    expect(baseline).not.toContain("GB300_NVL72");
    expect(readFileSync(join(out, "enums.ts"), "utf8")).toMatch(/export const v2GPUClusterInfoGpuTypeValues = \[[^\]]*"GB300_NVL72"\] as const;/);
  });

  test("the report mentions the removed field (and did not before)", () => {
    expect(section(report, "### `GPUClusterInfo`")).toContain("- field only in v1: `cluster_name`");
    expect(section(baseline, "### `GPUClusterInfo`")).not.toContain("- field only in v1: `cluster_name`");
  });

  test("the report and the operation index list the new operation as one-sided", () => {
    expect(report).toContain("| `gpuClusterServiceRestart` | — | `POST /compute/clusters/{cluster_id}/restart` (`GPUClusterService_Restart`) | **one-sided: only in v2** |");
    expect(readFileSync(join(out, "operations.ts"), "utf8")).toContain(
      'gpuClusterServiceRestart: {\n    v2: { method: "post", path: "/compute/clusters/{cluster_id}/restart", operationId: "GPUClusterService_Restart" },\n  },',
    );
  });

  test("the output and the fixture goldens type-check under strict + noUncheckedIndexedAccess", async () => {
    const config = {
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        verbatimModuleSyntax: true,
        erasableSyntaxOnly: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: [join(out, "**/*.ts"), resolve(repoRoot, "test/codegen/__snapshots__/**/*.ts")],
    };
    const tsconfig = join(out, "..", "tsconfig.check.json");
    writeFileSync(tsconfig, JSON.stringify(config));
    // NodeNext decides ESM vs CJS from the nearest package.json, as it does for generated/ inside the package.
    writeFileSync(join(out, "..", "package.json"), JSON.stringify({ type: "module" }));
    const result = await run(process.execPath, [tscBin, "-p", tsconfig]).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);

  test("a type error in generated code would be caught by that check", async () => {
    const dir = tempDir("tsc-negative");
    writeFileSync(join(dir, "bad.ts"), 'const values = ["a"] as const;\nexport const first: string = values[1];\n');
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noUncheckedIndexedAccess: true, noEmit: true, types: [] }, include: ["*.ts"] }));
    await expect(run(process.execPath, [tscBin, "-p", join(dir, "tsconfig.json")])).rejects.toMatchObject({ stdout: expect.stringContaining("TS2493") });
  }, 120_000);
});

/** The markdown section starting at `heading`, up to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return "";
  const next = markdown.indexOf("\n### ", start + heading.length);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe("npm run generate says what changed since the last generation", () => {
  test("regenerating over earlier output names the breaking removal and the implied bump; an unchanged rerun says nothing", async () => {
    const dir = tempDir("regenerate");
    const specs = writeModifiedSpecs(dir);
    const out = join(dir, "generated");

    const first = await cli(["--out", out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("First generation: there is no earlier output to compare with, so no version bump is implied.");

    const second = await cli(["--v1", specs.v1, "--v2", specs.v2, "--out", out]);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Changes since the last generation:");
    expect(second.stdout).toContain("  v1: no changes");
    expect(second.stdout).toMatch(/ {2}v2: operations: 1 added \(POST \/compute\/clusters\/\{cluster_id\}\/restart\), 0 removed; \d+ changes, 1 breaking → major/);
    expect(second.stdout).toMatch(/breaking \[field-removed\] .*cluster_name/);
    expect(second.stdout).toContain("Implied version bump: major");

    const third = await cli(["--v1", specs.v1, "--v2", specs.v2, "--out", out]);
    expect(third.code).toBe(0);
    expect(third.stdout).not.toContain("Changes since");
  }, 120_000);
});
