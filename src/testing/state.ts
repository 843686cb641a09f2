import type { V2BillingType, V2ClusterStatus, V2ClusterType, V2GpuType } from "../../generated/stable.js";
import { DEFAULT_REGIONS, GPUS_PER_NODE, type DriverPair, type FakeRegion } from "./catalog.js";
import type { FakeClock } from "./clock.js";
import { badRequest, conflict, notFound } from "./errors.js";
import { assertGpuCount, assertNameLength, assertRoomFor, assertTotalGpus, FAKE_LIMITS, keepNewest } from "./limits.js";
import { assertPositiveInteger, VolumeStore, type CreateVolumeInput } from "./volume-store.js";
import { provisioningPlan } from "./lifecycle.js";
import { clusterStatusAt, nextChangeAt, type ClusterRecord, type NodeRecord, type VolumeRecord } from "./records.js";

/** GETs in a row of one cluster that show it as it is, before the `on-poll` clock starts moving it along. */
const GETS_BEFORE_TIME_MOVES = 2;

/** Poll hint (ms) sent while a polled cluster is changing and the clock moves by itself on requests. */
const AUTOMATIC_CLOCK_POLL_HINT_MS = 1;

export type { CreateVolumeInput };

/** What a create request asks for, in version-neutral terms (the handlers translate v1 and v2 bodies into this). */
export interface CreateClusterInput {
  readonly name: string;
  readonly region: string;
  readonly gpuType: V2GpuType;
  readonly numGpus: number;
  readonly clusterType?: V2ClusterType | undefined;
  readonly billingType: V2BillingType;
  readonly driver: DriverPair;
  readonly durationDays?: number | undefined;
  readonly volumeId?: string | undefined;
  readonly sharedVolume?: CreateVolumeInput | undefined;
  readonly projectId?: string | undefined;
  readonly slurmShmSizeGib?: number | undefined;
  readonly capacityPoolId?: string | undefined;
  readonly reservationStartTime?: string | undefined;
  readonly reservationEndTime?: string | undefined;
  readonly installTraefik?: boolean | undefined;
  readonly createdVia: "v1" | "v2";
}

/** Changes an update request asks for; absent fields stay as they are. */
export interface UpdateClusterInput {
  readonly numGpus?: number | undefined;
  readonly clusterType?: V2ClusterType | undefined;
  readonly reservationEndTime?: string | undefined;
}

/** Options of {@link FakeState}. */
export interface FakeStateOptions {
  /** Fake time a cluster spends in each provisioning phase, and in Deleting. @default 60_000 */
  readonly phaseDurationMs?: number | undefined;
  /** Regions, GPU types and driver pairs on offer. @default DEFAULT_REGIONS */
  readonly regions?: readonly FakeRegion[] | undefined;
  /** `project_id` given to clusters created without one. @default "fake-project" */
  readonly defaultProjectId?: string | undefined;
}

/**
 * The fake's single source of truth, shared by the v1 and v2 routes. Every mutating method checks everything
 * first and only then changes state, so a rejected request never leaves a trace.
 */
export class FakeState {
  readonly clock: FakeClock;
  readonly phaseDurationMs: number;
  readonly regions: readonly FakeRegion[];
  readonly defaultProjectId: string;
  readonly #clusters = new Map<string, ClusterRecord>();
  readonly #volumes: VolumeStore;
  #clusterSerial = 0;

  constructor(clock: FakeClock, options: FakeStateOptions = {}) {
    const phaseDurationMs = options.phaseDurationMs ?? 60_000;
    if (!(Number.isFinite(phaseDurationMs) && phaseDurationMs > 0)) {
      throw new RangeError(`phaseDurationMs must be a finite number > 0, got ${String(phaseDurationMs)}`);
    }
    this.clock = clock;
    this.phaseDurationMs = phaseDurationMs;
    this.regions = options.regions ?? DEFAULT_REGIONS;
    this.defaultProjectId = options.defaultProjectId ?? "fake-project";
    this.#volumes = new VolumeStore(() => clock.now());
  }

  /** Advances the clock by `phases` whole phases: every provisioning cluster moves that many steps, deleting ones vanish. */
  tick(phases = 1): void {
    if (!(Number.isInteger(phases) && phases >= 0)) throw new RangeError(`tick(phases): phases must be an integer >= 0, got ${String(phases)}`);
    this.clock.advance(phases * this.phaseDurationMs);
  }

  /** Forgets every cluster and volume (ids keep counting up, so ids never repeat within one fake). */
  reset(): void {
    this.#clusters.clear();
    this.#volumes.clear();
  }

  /** Current status of a cluster (v2 vocabulary). */
  statusOf(cluster: ClusterRecord): V2ClusterStatus {
    return clusterStatusAt(cluster, this.clock.now(), this.phaseDurationMs);
  }

  /** Test hook: puts a cluster into `status` from now on (e.g. `Degraded`), overriding its provisioning plan. */
  setStatus(clusterId: string, status: V2ClusterStatus): void {
    const cluster = this.getCluster(clusterId);
    cluster.forced = { status, since: this.clock.now() };
    cluster.getsSinceChange = 0;
  }

  /**
   * A client's GET of one cluster. In the `on-poll` clock mode, from the third GET in a row of a cluster that is still
   * changing, the clock first moves to that cluster's next change. Returns the cluster as the GET shows it (404 once
   * a deletion has run its course).
   */
  pollCluster(id: string): ClusterRecord {
    const cluster = this.getCluster(id);
    cluster.getsSinceChange += 1;
    if (this.clock.mode.mode === "on-poll" && cluster.getsSinceChange > GETS_BEFORE_TIME_MOVES) {
      const next = nextChangeAt(cluster, this.clock.now(), this.phaseDurationMs);
      if (next !== undefined) this.clock.advance(next - this.clock.now());
    }
    return this.getCluster(id);
  }

  /**
   * How long (real ms) a client polling this cluster may wait before something can have changed, or `undefined` when
   * nothing changes without a test moving the clock (manual mode, or a cluster that is settled).
   */
  pollHintMs(cluster: ClusterRecord): number | undefined {
    const now = this.clock.now();
    const next = nextChangeAt(cluster, now, this.phaseDurationMs);
    const mode = this.clock.mode;
    if (next === undefined || mode.mode === "manual") return undefined;
    if (mode.mode === "real-time") return Math.max(1, Math.ceil((next - now) / (mode.speed ?? 1)));
    return AUTOMATIC_CLOCK_POLL_HINT_MS;
  }

  // ---- clusters ---------------------------------------------------------------------------------------------

  /** Live clusters (and those still Deleting), oldest first, optionally only one project's. */
  listClusters(projectId?: string): ClusterRecord[] {
    this.#purgeDeleted();
    return [...this.#clusters.values()].filter((c) => projectId === undefined || c.projectId === projectId);
  }

  /** A cluster by id; 404 if unknown or already gone. */
  getCluster(id: string): ClusterRecord {
    this.#purgeDeleted();
    const cluster = this.#clusters.get(id);
    if (!cluster) throw notFound("cluster", id);
    return cluster;
  }

  /** Creates a cluster (and its inline shared volume, if asked) and starts its provisioning. */
  createCluster(input: CreateClusterInput): ClusterRecord {
    const region = this.#requireRegion(input.region, "/region");
    if (!region.gpuTypes.includes(input.gpuType)) {
      throw badRequest(`gpu_type ${input.gpuType} is not offered in region ${region.name} (offered: ${region.gpuTypes.join(", ")})`, {
        location: "body",
        pointer: "/gpu_type",
        message: "not offered in this region",
      });
    }
    assertGpuCount(input.numGpus);
    assertNameLength(input.name, "/cluster_name");
    if (!region.driverPairs.some((p) => p.cudaVersion === input.driver.cudaVersion && p.nvidiaDriverVersion === input.driver.nvidiaDriverVersion)) {
      const offered = region.driverPairs.map((p) => `${p.cudaVersion}/${p.nvidiaDriverVersion}`).join(", ");
      throw badRequest(
        `CUDA ${input.driver.cudaVersion} with NVIDIA driver ${input.driver.nvidiaDriverVersion} is not offered in region ${region.name} (offered cuda/driver pairs: ${offered})`,
        { location: "body", pointer: "/nvidia_driver_version", message: "unsupported cuda/driver pair for this region" },
      );
    }
    if (input.volumeId !== undefined && input.sharedVolume !== undefined) {
      throw badRequest("give either volume_id or shared_volume, not both", { location: "body", pointer: "/volume_id", message: "conflicts with shared_volume" });
    }
    this.#purgeDeleted();
    assertRoomFor("clusters", this.#clusters.size, FAKE_LIMITS.maxClusters);
    assertTotalGpus(this.#gpusInUse(), input.numGpus);
    const existingVolume = input.volumeId === undefined ? undefined : this.#volumes.attachable(input.volumeId, region.name);
    if (input.sharedVolume) {
      this.#checkVolumeInput(input.sharedVolume, "/shared_volume");
      if (input.sharedVolume.region !== region.name) {
        throw badRequest(`shared_volume.region ${input.sharedVolume.region} differs from the cluster's region ${region.name}`, {
          location: "body",
          pointer: "/shared_volume/region",
          message: "must equal the cluster's region",
        });
      }
    }

    // Every check passed: from here on, mutate.
    const now = this.clock.now();
    const id = `fake-cluster-${String(++this.#clusterSerial).padStart(4, "0")}`;
    const volume = existingVolume ?? (input.sharedVolume ? this.#volumes.insert(input.sharedVolume) : undefined);
    const cluster: ClusterRecord = {
      id,
      name: input.name,
      projectId: input.projectId ?? this.defaultProjectId,
      region: region.name,
      gpuType: input.gpuType,
      clusterType: input.clusterType ?? "KUBERNETES",
      billingType: input.billingType,
      driver: input.driver,
      numGpus: input.numGpus,
      durationHours: input.durationDays === undefined ? undefined : input.durationDays * 24,
      createdAt: now,
      plan: provisioningPlan(volume !== undefined),
      forced: undefined,
      deletingSince: undefined,
      volumeIds: volume ? [volume.id] : [],
      controlPlaneNodes: [this.#node(id, "cp", 1, 0, now, now + this.phaseDurationMs)],
      workerNodes: [],
      deletedWorkerNodes: [],
      nodeEvents: [],
      reservationEndTime: input.reservationEndTime,
      echo: {
        ...(input.slurmShmSizeGib !== undefined ? { slurmShmSizeGib: input.slurmShmSizeGib } : {}),
        ...(input.capacityPoolId !== undefined ? { capacityPoolId: input.capacityPoolId } : {}),
        ...(input.reservationStartTime !== undefined ? { reservationStartTime: input.reservationStartTime } : {}),
        ...(input.installTraefik !== undefined ? { installTraefik: input.installTraefik } : {}),
      },
      createdVia: input.createdVia,
      getsSinceChange: 0,
    };
    // Worker nodes come up when the data plane phase completes.
    cluster.workerNodes = this.#workers(cluster, 0, input.numGpus / GPUS_PER_NODE, now, now + 2 * this.phaseDurationMs);
    if (volume) volume.attachedTo = id;
    this.#clusters.set(id, cluster);
    return cluster;
  }

  /** Scales and/or retypes a cluster. Scaling adds nodes (Ready one phase later) or retires the newest ones. */
  updateCluster(id: string, input: UpdateClusterInput): ClusterRecord {
    const cluster = this.getCluster(id);
    if (cluster.deletingSince !== undefined) throw conflict(`cluster ${JSON.stringify(id)} is being deleted and cannot be updated`);
    if (input.numGpus !== undefined) {
      assertGpuCount(input.numGpus);
      assertTotalGpus(this.#gpusInUse(), input.numGpus - cluster.numGpus);
    }

    const now = this.clock.now();
    cluster.getsSinceChange = 0;
    if (input.clusterType !== undefined) cluster.clusterType = input.clusterType;
    if (input.reservationEndTime !== undefined) cluster.reservationEndTime = input.reservationEndTime;
    if (input.numGpus !== undefined && input.numGpus !== cluster.numGpus) {
      const wanted = input.numGpus / GPUS_PER_NODE;
      const have = cluster.workerNodes.length;
      if (wanted > have) {
        const added = this.#workers(cluster, have, wanted - have, now, now + this.phaseDurationMs);
        cluster.workerNodes.push(...added);
        for (const node of added) cluster.nodeEvents.push({ nodeId: node.id, reason: "TogetherScaledUp", message: `node ${node.hostName} added`, at: now });
      } else {
        const removed = cluster.workerNodes.splice(wanted);
        for (const node of removed) {
          node.deletedAt = now;
          cluster.deletedWorkerNodes.push(node);
          cluster.nodeEvents.push({ nodeId: node.id, reason: "TogetherScaledDown", message: `node ${node.hostName} removed`, at: now });
        }
        keepNewest(cluster.deletedWorkerNodes, FAKE_LIMITS.maxNodeHistory);
      }
      keepNewest(cluster.nodeEvents, FAKE_LIMITS.maxNodeHistory);
      cluster.numGpus = input.numGpus;
    }
    return cluster;
  }

  /** Starts deleting a cluster: it reports Deleting for one phase, then is gone. Deleting twice is harmless. */
  deleteCluster(id: string): ClusterRecord {
    const cluster = this.getCluster(id);
    cluster.deletingSince ??= this.clock.now();
    cluster.getsSinceChange = 0;
    return cluster;
  }

  // ---- volumes ----------------------------------------------------------------------------------------------

  /** All volumes, oldest first. */
  listVolumes(): VolumeRecord[] {
    this.#purgeDeleted();
    return this.#volumes.list();
  }

  /** A volume by id; 404 if unknown. */
  getVolume(id: string): VolumeRecord {
    this.#purgeDeleted();
    return this.#volumes.get(id);
  }

  /** Creates an unattached volume. */
  createVolume(input: CreateVolumeInput): VolumeRecord {
    this.#checkVolumeInput(input, "");
    return this.#volumes.insert(input);
  }

  /** Grows a volume (volumes never shrink: that would destroy data). */
  resizeVolume(id: string, sizeTib: number): VolumeRecord {
    this.#purgeDeleted();
    return this.#volumes.resize(id, sizeTib);
  }

  /** Deletes a volume; refused (409) while a cluster uses it. */
  deleteVolume(id: string): void {
    this.#purgeDeleted();
    this.#volumes.delete(id);
  }

  /** Status of a volume in the v2 vocabulary. */
  volumeStatus(volume: VolumeRecord): ReturnType<VolumeStore["status"]> {
    return this.#volumes.status(volume);
  }

  // ---- internals --------------------------------------------------------------------------------------------

  /** Drops clusters whose Deleting phase is over and frees their volumes. */
  #purgeDeleted(): void {
    const now = this.clock.now();
    for (const cluster of this.#clusters.values()) {
      if (cluster.deletingSince !== undefined && now >= cluster.deletingSince + this.phaseDurationMs) {
        this.#clusters.delete(cluster.id);
        this.#volumes.detachAll(cluster.id);
      }
    }
  }

  /** GPUs held by live clusters (Deleting ones included: they still hold their machines). */
  #gpusInUse(): number {
    let total = 0;
    for (const cluster of this.#clusters.values()) total += cluster.numGpus;
    return total;
  }

  #requireRegion(name: string, pointer: string): FakeRegion {
    const region = this.regions.find((r) => r.name === name);
    if (!region) {
      throw badRequest(`region ${JSON.stringify(name)} does not exist (regions: ${this.regions.map((r) => r.name).join(", ")})`, {
        location: "body",
        pointer,
        message: "unknown region",
      });
    }
    return region;
  }

  #checkVolumeInput(input: CreateVolumeInput, prefix: string): void {
    if (input.name.trim() === "") {
      throw badRequest("volume_name must not be empty", { location: "body", pointer: `${prefix}/volume_name`, message: "empty" });
    }
    assertNameLength(input.name, `${prefix}/volume_name`);
    assertPositiveInteger(input.sizeTib, `${prefix}/size_tib`, "size_tib");
    this.#requireRegion(input.region, `${prefix}/region`);
    assertRoomFor("volumes", this.#volumes.list().length, FAKE_LIMITS.maxVolumes);
  }

  #workers(cluster: Pick<ClusterRecord, "id">, firstIndex: number, count: number, createdAt: number, readyAt: number): NodeRecord[] {
    return Array.from({ length: count }, (_, i) => this.#node(cluster.id, "gpu", firstIndex + i + 1, GPUS_PER_NODE, createdAt, readyAt));
  }

  #node(clusterId: string, role: "cp" | "gpu", index: number, numGpus: number, createdAt: number, readyAt: number): NodeRecord {
    const suffix = `${role}-${String(index).padStart(2, "0")}`;
    return { id: `${clusterId}-${suffix}`, hostName: `${suffix}.${clusterId}.fake.internal`, numGpus, createdAt, readyAt };
  }
}
