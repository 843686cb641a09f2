/**
 * Requests a v1 client refuses before sending (UnsupportedByVersionError) beyond the refused create fields, which
 * come from the mapping table itself. test/migrate/refusals.test.ts checks that each one really is refused.
 */
export const v1Refusals: ReadonlyArray<{ readonly request: string; readonly why: string }> = [
  { request: 'clusters.create({ gpu_type: "L40_PCIE" | "B200_SXM" | "H100_SXM_INF" })', why: "v1 offers only H100_SXM, H200_SXM, RTX_6000_PCI" },
  { request: 'clusters.create({ billing_type: "SCHEDULED_CAPACITY" })', why: "v1 bills only RESERVED and ON_DEMAND" },
  { request: "clusters.create({ cuda_version, nvidia_driver_version })", why: "a pair not in v1's driver list cannot be written as a v1 token" },
  { request: "clusters.update(id, { reservation_end_time })", why: "v1 updates only cluster_type and num_gpus" },
  { request: "clusters.list({ project_id })", why: "v1 has no projects" },
  { request: "volumes.update(id, { size_tib })", why: "v1 has no shared-volume update operation" },
];
