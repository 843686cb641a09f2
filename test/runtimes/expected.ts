/**
 * What the consumer program (consumer/flow.mjs) must report on every runtime: the fake walks a new cluster through
 * every provisioning phase (its default clock moves a polled cluster to its next change; v1 names fewer phases), the update and deletes take effect, and a
 * missing cluster is a NotFoundError of the package's own class.
 */
const version = (statuses: readonly string[]) => ({
  statuses,
  ready: { lifecycle: "ready", gpu_type: "H100_SXM", unrecognizedGpu: false, num_gpus: 8 },
  updatedGpus: 16,
  deleted: true,
  regionHasDriver: true,
  volume: { name: "data", size_tib: 2, deleted: true },
  missing: "NotFoundError",
});

export const expectedSummary = {
  v1: version(["provisioning WAITING_CONTROL_PLANE", "provisioning WAITING_DATA_PLANE", "ready READY"]),
  v2: version([
    "provisioning WaitingForControlPlaneNodes",
    "provisioning WaitingForDataPlaneNodes",
    "provisioning WaitingForSubnet",
    "provisioning InstallingDrivers",
    "provisioning RunningAcceptanceTests",
    "ready Ready",
  ]),
};
