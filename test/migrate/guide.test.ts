/**
 * docs/migration.md is the generator's output, and every refusal it lists really is refused by a v1 client before
 * any request (the fetch given to the client fails the test if it is ever called).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderMigrationGuide } from "../../scripts/migration-guide.js";
import { createClient, UnsupportedByVersionError, type ClusterCreateInput } from "../../src/index.js";
import { createFieldOnV1 } from "../../src/mappings/v1-create-fields.js";
import { v1Refusals } from "../../src/migrate/refusals.js";

const v1 = createClient({
  apiVersion: "v1",
  apiKey: "k",
  fetch: () => {
    throw new Error("a refused request reached fetch");
  },
});
const base: ClusterCreateInput = { cluster_name: "c", region: "r", gpu_type: "H100_SXM", num_gpus: 8, cuda_version: "12.6", nvidia_driver_version: "560", billing_type: "ON_DEMAND", duration_days: 1 };

/** One call per documented refusal, keyed by the request text the guide shows. */
const calls: Record<string, ReadonlyArray<() => Promise<unknown>>> = {
  'clusters.create({ gpu_type: "L40_PCIE" | "B200_SXM" | "H100_SXM_INF" })': (["L40_PCIE", "B200_SXM", "H100_SXM_INF"] as const).map((gpu_type) => () => v1.clusters.create({ ...base, gpu_type })),
  'clusters.create({ billing_type: "SCHEDULED_CAPACITY" })': [() => v1.clusters.create({ ...base, billing_type: "SCHEDULED_CAPACITY", reservation_start_time: "2030-01-01T00:00:00Z", reservation_end_time: "2030-01-02T00:00:00Z" })],
  "clusters.create({ cuda_version, nvidia_driver_version })": [() => v1.clusters.create({ ...base, cuda_version: "99.9", nvidia_driver_version: "999" })],
  "clusters.update(id, { reservation_end_time })": [() => v1.clusters.update("id", { reservation_end_time: "2030-01-02T00:00:00Z" })],
  "clusters.list({ project_id })": [() => v1.clusters.list({ project_id: "p" })],
  "volumes.update(id, { size_tib })": [() => v1.volumes.update("id", { size_tib: 2 })],
};

const refusedFieldValues: Partial<Record<keyof ClusterCreateInput, unknown>> = {
  gpu_node_failover_enabled: true,
  auto_scaled: true,
  auto_scale_max_gpus: 16,
  slurm_shm_size_gib: 8,
  capacity_pool_id: "pool",
  reservation_start_time: "2030-01-01T00:00:00Z",
  reservation_end_time: "2030-01-02T00:00:00Z",
  install_traefik: true,
  slurm_image: "image",
};

describe("docs/migration.md", () => {
  it("is what the generator renders from the tables", () => {
    expect(readFileSync(new URL("../../docs/migration.md", import.meta.url), "utf8")).toBe(renderMigrationGuide());
  });

  it("lists every v1 route, status and older CLI name", () => {
    const guide = renderMigrationGuide();
    for (const text of ["`PUT /api/v1/gpu_cluster`", "`GET /api/v1/regions`", "`WAITING_DATA_PLANE`", '`instance_type: "H100-SXM"`', '`billing_type: "prepaid"`', "`reservation_duration`", "`shared_volume.name`"]) {
      expect(guide).toContain(text);
    }
  });

  it.each(v1Refusals.map((r) => r.request))("refusal %s is refused by a v1 client before any request", async (request) => {
    const list = calls[request];
    expect(list, "each documented refusal has a call here").toBeDefined();
    for (const call of list!) await expect(call()).rejects.toBeInstanceOf(UnsupportedByVersionError);
  });

  it.each(Object.entries(createFieldOnV1).filter(([, fate]) => fate === "refused").map(([field]) => field))("create field %s is refused on v1", async (field) => {
    expect(refusedFieldValues, `a value for ${field}`).toHaveProperty(field);
    // auto_scaled alone would fail input validation first (it needs auto_scale_max_gpus on either version).
    const input = { ...base, [field]: refusedFieldValues[field as keyof ClusterCreateInput], ...(field === "auto_scaled" ? { auto_scale_max_gpus: 16 } : {}) };
    await expect(v1.clusters.create(input as ClusterCreateInput)).rejects.toBeInstanceOf(UnsupportedByVersionError);
  });
});
