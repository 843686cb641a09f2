import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecFile } from "../../codegen/diff/load.js";
import { specInfo } from "../../generated/spec-info.js";
import {
  generatedFromLine,
  regenerationChangelog,
  regenerationReport,
  renderRegenerationSummary,
  summarizeRegeneration,
} from "../../codegen/diff/regeneration.js";
import { fixturesDir } from "./helpers.js";

const real = (file: string) => `${fixturesDir}real/${file}`;
const v1 = `${fixturesDir}kinds/identical/old.yaml`;

/** A generated/ folder whose documents.ts snapshot holds the given specs, as the generator writes it. */
function generatedDirWith(v1File: string, v2File: string): string {
  const dir = mkdtempSync(join(tmpdir(), "regen-"));
  const json = (file: string) => JSON.stringify(loadSpecFile(file));
  writeFileSync(join(dir, "documents.ts"), `export const v1Document = ${json(v1File)} as const;\nexport const v2Document = ${json(v2File)} as const;\n`);
  dirs.push(dir);
  return dir;
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("regeneration summary", () => {
  it("compares the previous generated documents with the specs about to be generated, per version", async () => {
    const out = generatedDirWith(v1, real("v2-2026-02-docs.yaml"));
    const report = await regenerationReport({ out, v1, v2: real("v2-2026-04-head.yaml") });
    const lines = report.split("\n");
    expect(lines[0]).toBe("Changes since the last generation:");
    expect(lines[1]).toBe("  v1: no changes");
    expect(lines[2]).toBe("  v2: operations: 1 added (GET /clusters/availability-zones), 0 removed; 32 changes, 6 breaking → major");
    expect(report).toContain('breaking [field-removed] schema GPUClusterCreateRequest (request): driver_version');
    expect(lines.at(-2)).toBe("Implied version bump: major (details: npm run diff -- <old.yaml> <new.yaml>)");
  });

  it("says so when there is no previous generation", async () => {
    const out = mkdtempSync(join(tmpdir(), "regen-empty-"));
    dirs.push(out);
    const report = await regenerationReport({ out, v1, v2: v1 });
    expect(report).toBe("First generation: there is no earlier output to compare with, so no version bump is implied.\n");
  });

  it("counts a renamed path parameter as the same operations, not as added and removed ones", () => {
    const spec = loadSpecFile(real("v2-2026-04-head.yaml")) as { paths: Record<string, unknown> };
    const path = Object.keys(spec.paths).find((p) => /\{cluster_id\}$/.test(p))!;
    const renamedPath = path.replace("{cluster_id}", "{id}");
    const renamed = JSON.parse(JSON.stringify(spec).replaceAll(JSON.stringify(path), JSON.stringify(renamedPath)).replaceAll('"name":"cluster_id"', '"name":"id"')) as unknown;
    const summary = summarizeRegeneration({ v1: spec, v2: spec }, { v1: spec, v2: renamed });
    expect(summary.operations?.v2).toEqual({ added: [], removed: [] });
    expect(renderRegenerationSummary(summary)).toMatch(/ {2}v2: operations: 0 added, 0 removed; /);
    expect(summary.versions.v2?.changes.map((c) => c.kind)).toContain("parameter-renamed");
  });

  it("ignores x-codeSamples, which the generated snapshot drops", () => {
    const spec = loadSpecFile(real("v2-2026-04-head.yaml"));
    const withoutSamples = JSON.parse(JSON.stringify(spec, (key, value: unknown) => (key === "x-codeSamples" ? undefined : value))) as unknown;
    const summary = summarizeRegeneration({ v1: spec, v2: withoutSamples }, { v1: spec, v2: spec });
    expect(summary.bump).toBe("none");
    expect(renderRegenerationSummary(summary)).toContain("  v2: no changes");
  });

  it("produces a changelog entry with one section per changed version and breaking changes first", () => {
    const summary = summarizeRegeneration(
      { v1: loadSpecFile(v1), v2: loadSpecFile(real("v2-2026-04-head.yaml")) },
      { v1: loadSpecFile(v1), v2: loadSpecFile(real("v2-2026-11-vendored.yaml")) },
    );
    const sources = { v1: { file: "specs/v1.yaml", version: "0.0.1", sha256: "a".repeat(64) }, v2: { file: "specs/v2.yaml", version: "2.0.0", sha256: "b".repeat(64) } };
    const entry = regenerationChangelog("0.2.0", summary, sources, "2026-11-24");
    expect(entry.split("\n").slice(0, 7)).toEqual([
      "## 0.2.0 (2026-11-24)",
      "",
      "Generated from v1 `specs/v1.yaml` (info.version 0.0.1, sha256:aaaaaaaaaaaa), v2 `specs/v2.yaml` (info.version 2.0.0, sha256:bbbbbbbbbbbb).",
      "",
      "### v2 spec: major (50 changes: 3 breaking, 36 added, 3 removed)",
      "",
      "#### Breaking changes",
    ]);
    expect(entry).not.toContain("### v1 spec");
    expect(entry.indexOf("node_name")).toBeLessThan(entry.indexOf("#### Features"));
  });
});

describe("CHANGELOG.md", () => {
  const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
  const topEntry = changelog.slice(changelog.search(/^## /m)).split(/\n(?=## )/)[0] ?? "";

  it("starts with an entry for the version in package.json", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(topEntry.match(/^## (\S+)/)?.[1]).toBe(version);
  });

  it("names, in its top entry, the exact specs generated/ was built from (regenerating forces a new entry)", () => {
    expect(topEntry).toContain(generatedFromLine(specInfo));
  });

  it("lists versions newest first, each once", () => {
    const versions = [...changelog.matchAll(/^## (\d+)\.(\d+)\.(\d+)/gm)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const);
    expect(versions.length).toBeGreaterThan(0);
    for (let i = 1; i < versions.length; i++) {
      const [newer, older] = [versions[i - 1], versions[i]];
      if (newer === undefined || older === undefined) continue;
      const newerFirst = newer[0] - older[0] || newer[1] - older[1] || newer[2] - older[2];
      expect(newerFirst, `${newer.join(".")} must come before ${older.join(".")}`).toBeGreaterThan(0);
    }
  });
});
