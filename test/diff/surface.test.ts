import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAssignabilityOracle } from "../../codegen/diff/surface/assignability.js";
import { compareSurfaces } from "../../codegen/diff/surface/compare.js";
import { extractSurface } from "../../codegen/diff/surface/extract.js";
import { fixturesDir } from "./helpers.js";

const typeRoots = [fileURLToPath(new URL("../../node_modules/@types", import.meta.url))];
const before = extractSurface(`${fixturesDir}surface/before`, typeRoots);
const after = extractSurface(`${fixturesDir}surface/after`, typeRoots);

describe("public TypeScript surface", () => {
  it("reads every exports entry with types, printing signatures and union members", () => {
    expect(Object.keys(before.entries)).toEqual([".", "./testing"]);
    expect(before.entries["."]?.createClient).toEqual({ kind: "function", members: { call: "(options: ClientOptions) => Client" } });
    expect(before.entries["."]?.ClusterStatus).toEqual({
      kind: "union",
      members: { '"deleting"': "member", '"provisioning"': "member", '"ready"': "member" },
    });
    expect(before.entries["./testing"]?.startFakeApi?.members.call).toBe("(options?: { port?: number | undefined; } | undefined) => Promise<FakeApi>");
  });

  it("leaves out members inherited from the standard library", () => {
    expect(before.entries["."]?.ApiError).toEqual({
      kind: "class",
      members: { new: "(status: number, message: string) => ApiError", status: "readonly number" },
    });
  });

  it("classifies handwritten-layer changes even when no spec changed (conservative without a build)", () => {
    const { bump, changes } = compareSurfaces(before, after);
    expect(bump).toBe("major");
    expect(changes.map((c) => `${c.kind}${c.breaking ? "!" : ""} ${c.location}`)).toEqual([
      "export-removed! .#legacyHelper",
      "member-changed! .#Client.getCluster",
      "member-changed! .#Client.listClusters",
      "member-changed! .#Client.phaseOf",
      "member-changed! .#Client.resize",
      "member-added .#ClientOptions.maxRetries?",
      "member-changed! .#Cluster.numGpus",
      "member-changed! .#Cluster.wire?",
      "member-changed! .#Cluster.zone",
      "member-added .#Cluster.region",
      'member-added .#ClusterStatus."paused"',
    ]);
    expect(changes.find((c) => c.location === '.#ClusterStatus."paused"')?.message).toContain("exhaustive `switch`es");
  });

  it("lets the compiler prove a widened signature compatible, and keeps an incompatible one breaking", () => {
    const oracle = createAssignabilityOracle(`${fixturesDir}surface/after`, after, typeRoots);
    const { changes } = compareSurfaces(before, after, oracle);
    const listClusters = changes.find((c) => c.location === ".#Client.listClusters");
    expect(listClusters?.breaking).toBe(false);
    expect(listClusters?.message).toContain("compatible: the new signature accepts every call the old one did");
    expect(changes.find((c) => c.location === ".#Client.getCluster")?.breaking).toBe(true);
  });

  it("judges a property or a result that only widened (a new value in a nested union) like a new union member; a narrowed one stays breaking", () => {
    const oracle = createAssignabilityOracle(`${fixturesDir}surface/after`, after, typeRoots);
    const { changes } = compareSurfaces(before, after, oracle);
    const wire = changes.find((c) => c.location === ".#Cluster.wire?");
    expect(wire?.breaking).toBe(false);
    expect(wire?.message).toContain("widened: every value of the old type still fits, so not breaking, but exhaustive `switch`es");
    expect(wire?.message).toContain('"draining"');
    const phaseOf = changes.find((c) => c.location === ".#Client.phaseOf");
    expect(phaseOf?.breaking).toBe(false);
    expect(phaseOf?.message).toContain("widened: every value of the old result still fits");
    // A parameter that narrowed is breaking, even though it makes the function type "wider".
    expect(changes.find((c) => c.location === ".#Client.resize")?.breaking).toBe(true);
    // string → "eu" | "us": fine for readers, but code that builds a Cluster with any other string stops compiling.
    const zone = changes.find((c) => c.location === ".#Cluster.zone");
    expect(zone?.breaking).toBe(true);
    expect(zone?.message).not.toContain("widened");
  });

  it("answers assignability questions, and 'unknown' for types that do not resolve", () => {
    const oracle = createAssignabilityOracle(`${fixturesDir}surface/after`, after, typeRoots);
    expect(
      oracle([
        { entry: ".", from: '"v1"', to: "ApiVersion" },
        { entry: ".", from: "string", to: "ApiVersion" },
        { entry: ".", from: "NoSuchType", to: "string" },
      ]),
    ).toEqual([true, false, undefined]);
  });

  it("reports no change and bump none for the same build", () => {
    expect(compareSurfaces(before, before)).toEqual({ bump: "none", changes: [] });
  });

  it("reports additions alone as minor", () => {
    const { bump } = compareSurfaces(
      { entries: { ".": {} } },
      { entries: { ".": { extra: { kind: "const", members: { "=": "1" } } } } },
    );
    expect(bump).toBe("minor");
  });
});

// Each test starts tsx and a TypeScript program: seconds when idle, far more on a shared CI machine.
describe("scripts/api-surface.ts", { timeout: 120_000 }, () => {
  const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
  const tsx = `${repoRoot}node_modules/.bin/tsx`;

  it("compares two builds and prints the bump as JSON", () => {
    const result = spawnSync(tsx, ["scripts/api-surface.ts", "compare", `${fixturesDir}surface/before`, `${fixturesDir}surface/after`, "--json"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { bump: string; changes: { kind: string }[] };
    expect(parsed.bump).toBe("major");
    expect(parsed.changes).toHaveLength(11);
    expect(parsed.changes.filter((c) => c.kind === "member-changed")).toHaveLength(7);
  });

  it("check exits 1 and explains how to accept when the build differs from the baseline", () => {
    const dir = mkdtempSync(join(tmpdir(), "surface-"));
    try {
      const baseline = join(dir, "baseline.json");
      writeFileSync(baseline, JSON.stringify(before));
      const result = spawnSync(tsx, ["scripts/api-surface.ts", "check", `${fixturesDir}surface/after`, "--baseline", baseline], { cwd: repoRoot, encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("Public surface bump: major");
      expect(result.stderr).toContain("extract --out api/public-surface.json");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
