import { describe, expect, it } from "vitest";
import type { Change } from "../../codegen/diff/index.js";
import { diffFiles } from "./helpers.js";

/**
 * Successive real versions of Together's v2 spec (fixtures/real/, copies):
 * 2026-02 docs pages (merged) → 2026-04 openapi HEAD → the vendored specs/v2.yaml (newest docs pages).
 */
const steps = [
  { from: "v2-2026-02-docs.yaml", to: "v2-2026-04-head.yaml", bump: "major" },
  { from: "v2-2026-04-head.yaml", to: "v2-2026-11-vendored.yaml", bump: "major" },
  { from: "v2-2026-04-head.yaml", to: "v2-2026-04-head.yaml", bump: "none" },
];

const find = (changes: readonly Change[], kind: string, location: string) =>
  changes.find((c) => c.kind === kind && c.location === location);

describe("spec diff on real Together v2 versions", () => {
  it.each(steps)("$from → $to is $bump", ({ from, to, bump }) => {
    expect(diffFiles(`real/${from}`, `real/${to}`).bump).toBe(bump);
  });

  describe("2026-02 docs → 2026-04 HEAD", () => {
    const { changes } = diffFiles("real/v2-2026-02-docs.yaml", "real/v2-2026-04-head.yaml");

    it("reports driver_version replaced by cuda_version + nvidia_driver_version, not as a rename (the types differ)", () => {
      expect(find(changes, "field-removed", "schema GPUClusterCreateRequest (request): driver_version")?.breaking).toBe(true);
      expect(find(changes, "field-added", "schema GPUClusterCreateRequest (request): cuda_version")?.breaking).toBe(true);
      expect(find(changes, "field-added", "schema GPUClusterCreateRequest (request): nvidia_driver_version")?.breaking).toBe(true);
      expect(changes.filter((c) => c.kind === "field-renamed")).toEqual([]);
    });

    it("reports the new SCHEDULED_CAPACITY billing type as a non-breaking request enum addition", () => {
      const change = find(changes, "enum-value-added", "schema GPUClusterCreateRequest (request): billing_type");
      expect(change?.breaking).toBe(false);
      expect(change?.message).toContain("SCHEDULED_CAPACITY");
    });

    it("reports region driver_versions turning from strings into objects as a breaking response type change", () => {
      expect(find(changes, "type-changed", "schema RegionListResponse (response): regions[].driver_versions[]")?.breaking).toBe(true);
    });

    it("reports the host move and the new availability-zones path", () => {
      expect(find(changes, "servers-changed", "servers")?.message).toContain("https://api.together.ai/v1");
      expect(find(changes, "path-added", "/clusters/availability-zones")?.breaking).toBe(false);
    });
  });

  describe("2026-04 HEAD → vendored newest", () => {
    const { changes } = diffFiles("real/v2-2026-04-head.yaml", "real/v2-2026-11-vendored.yaml");

    it("reports node_name removed from both node kinds as breaking", () => {
      expect(find(changes, "field-removed", "schema GPUClusterControlPlaneNode (response): node_name")?.breaking).toBe(true);
      expect(find(changes, "field-removed", "schema GPUClusterGPUWorkerNode (response): node_name")?.breaking).toBe(true);
    });

    it("reports new required response fields as non-breaking additions", () => {
      const projectId = find(changes, "field-added", "schema GPUClusterInfo (response): project_id");
      expect(projectId?.breaking).toBe(false);
      expect(projectId?.message).toContain("required");
    });

    it("reports the optional project_id list filter as a non-breaking parameter", () => {
      expect(find(changes, "parameter-added", "GET /compute/clusters: query project_id")?.breaking).toBe(false);
    });

    it("keeps the breaking list short: exactly the real removals", () => {
      expect(changes.filter((c) => c.breaking).map((c) => `${c.kind} ${c.location}`)).toEqual([
        "field-removed schema GPUClusterControlPlaneNode (response): node_name",
        "field-removed schema GPUClusterGPUWorkerNode (response): node_name",
        "path-removed /clusters/availability-zones",
      ]);
    });
  });
});
