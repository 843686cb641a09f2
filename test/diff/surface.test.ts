import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
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

  it("classifies handwritten-layer changes even when no spec changed", () => {
    const { bump, changes } = compareSurfaces(before, after);
    expect(bump).toBe("major");
    expect(changes.map((c) => `${c.kind}${c.breaking ? "!" : ""} ${c.location}`)).toEqual([
      "export-removed! .#legacyHelper",
      "member-changed! .#Client.listClusters",
      "member-added .#ClientOptions.maxRetries?",
      "member-changed! .#Cluster.numGpus",
      "member-added .#Cluster.region",
      'member-added .#ClusterStatus."paused"',
    ]);
    expect(changes.find((c) => c.location === '.#ClusterStatus."paused"')?.message).toContain("exhaustive `switch`es");
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
