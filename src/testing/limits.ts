import { GPUS_PER_NODE } from "./catalog.js";
import { badRequest } from "./errors.js";

/**
 * Caps that bound the work and memory of every request, whatever a client sends. A request beyond a cap gets a
 * 400 (413 for the body) whose message names the limit; nothing changes. Listed in docs/testing.md.
 */
export const FAKE_LIMITS = {
  /** Largest request body read; a bigger one gets 413 (refused from `Content-Length` before reading). */
  maxBodyBytes: 1 << 20,
  /** Largest `num_gpus` of one cluster (512 worker nodes of 8 GPUs). */
  maxGpusPerCluster: 4096,
  /** Largest sum of `num_gpus` over all live clusters, so a cluster list never renders more than 2048 worker nodes. */
  maxTotalGpus: 16_384,
  /** Most clusters alive at once (Deleting ones included). */
  maxClusters: 256,
  /** Most shared volumes at once. */
  maxVolumes: 256,
  /** Longest `cluster_name` / `volume_name`, in UTF-16 code units. */
  maxNameLength: 256,
  /** Retired worker nodes and node lifecycle events kept per cluster (the oldest are forgotten first). */
  maxNodeHistory: 256,
  /** Entries kept in `fake.requests` (the oldest are forgotten first). */
  maxLoggedRequests: 10_000,
} as const;

/** 400 unless `numGpus` is a positive multiple of {@link GPUS_PER_NODE} within {@link FAKE_LIMITS.maxGpusPerCluster}. */
export function assertGpuCount(numGpus: number): void {
  if (!(Number.isInteger(numGpus) && numGpus > 0 && numGpus % GPUS_PER_NODE === 0)) {
    throw badRequest(`num_gpus must be a positive multiple of ${GPUS_PER_NODE} (8, 16, 24, ...), got ${numGpus}`, {
      location: "body",
      pointer: "/num_gpus",
      message: `not a positive multiple of ${GPUS_PER_NODE}`,
    });
  }
  if (numGpus > FAKE_LIMITS.maxGpusPerCluster) {
    throw badRequest(`num_gpus ${numGpus} is over the fake's limit of ${FAKE_LIMITS.maxGpusPerCluster} GPUs per cluster`, {
      location: "body",
      pointer: "/num_gpus",
      message: `over the fake's limit of ${FAKE_LIMITS.maxGpusPerCluster}`,
    });
  }
}

/** 400 unless the GPUs already in use plus `added` stay within {@link FAKE_LIMITS.maxTotalGpus}. */
export function assertTotalGpus(inUse: number, added: number): void {
  if (added > 0 && inUse + added > FAKE_LIMITS.maxTotalGpus) {
    throw badRequest(
      `num_gpus: ${added} more GPUs would put the fake over its limit of ${FAKE_LIMITS.maxTotalGpus} GPUs across all clusters (${inUse} in use)`,
      { location: "body", pointer: "/num_gpus", message: `over the fake's total limit of ${FAKE_LIMITS.maxTotalGpus}` },
    );
  }
}

/** 400 when the store already holds `limit` items of `kind`. */
export function assertRoomFor(kind: "clusters" | "volumes", count: number, limit: number): void {
  if (count >= limit) {
    throw badRequest(`the fake holds at most ${limit} ${kind} (its limit); delete some or call fake.reset()`);
  }
}

/** 400 when a name is longer than {@link FAKE_LIMITS.maxNameLength}. */
export function assertNameLength(name: string, pointer: string): void {
  if (name.length > FAKE_LIMITS.maxNameLength) {
    throw badRequest(`${pointer.slice(pointer.lastIndexOf("/") + 1)} is ${name.length} characters, over the fake's limit of ${FAKE_LIMITS.maxNameLength}`, {
      location: "body",
      pointer,
      message: `longer than ${FAKE_LIMITS.maxNameLength} characters`,
    });
  }
}

/** Drops the oldest entries of `list` beyond `max`, in place. */
export function keepNewest<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}
