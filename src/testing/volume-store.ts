import type { V2VolumeStatus } from "../../generated/stable.js";
import { badRequest, conflict, notFound } from "./errors.js";
import type { VolumeRecord } from "./records.js";

/** What a volume create request asks for. */
export interface CreateVolumeInput {
  readonly name: string;
  readonly sizeTib: number;
  readonly region: string;
}

/**
 * The fake's shared volumes. Knows nothing of clusters beyond the id a volume is attached to; the rules that involve
 * regions and clusters live in FakeState.
 */
export class VolumeStore {
  readonly #volumes = new Map<string, VolumeRecord>();
  readonly #now: () => number;
  #serial = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** All volumes, oldest first. */
  list(): VolumeRecord[] {
    return [...this.#volumes.values()];
  }

  /** A volume by id, or `undefined`. */
  find(id: string): VolumeRecord | undefined {
    return this.#volumes.get(id);
  }

  /** A volume by id; 404 if unknown. */
  get(id: string): VolumeRecord {
    const volume = this.#volumes.get(id);
    if (!volume) throw notFound("volume", id);
    return volume;
  }

  /** Stores a new, unattached volume. The caller has checked the input. */
  insert(input: CreateVolumeInput): VolumeRecord {
    const volume: VolumeRecord = {
      id: `fake-volume-${String(++this.#serial).padStart(4, "0")}`,
      name: input.name,
      sizeTib: input.sizeTib,
      region: input.region,
      createdAt: this.#now(),
      attachedTo: undefined,
    };
    this.#volumes.set(volume.id, volume);
    return volume;
  }

  /** Grows a volume (volumes never shrink: that would destroy data). */
  resize(id: string, sizeTib: number): VolumeRecord {
    const volume = this.get(id);
    assertPositiveInteger(sizeTib, "/size_tib", "size_tib");
    if (sizeTib < volume.sizeTib) {
      throw badRequest(`size_tib can only grow: volume ${id} is ${volume.sizeTib} TiB, asked for ${sizeTib} TiB`, {
        location: "body",
        pointer: "/size_tib",
        message: "smaller than the current size",
      });
    }
    volume.sizeTib = sizeTib;
    return volume;
  }

  /** Deletes a volume; 409 while a cluster uses it. */
  delete(id: string): void {
    const volume = this.get(id);
    if (volume.attachedTo !== undefined) {
      throw conflict(`volume ${JSON.stringify(id)} is attached to cluster ${JSON.stringify(volume.attachedTo)}; delete the cluster first`);
    }
    this.#volumes.delete(id);
  }

  /** The volume `volumeId` if a new cluster in `region` may attach it; otherwise a 400 pointing at `/volume_id`. */
  attachable(volumeId: string, region: string): VolumeRecord {
    const volume = this.#volumes.get(volumeId);
    const detail = (message: string) => ({ location: "body" as const, pointer: "/volume_id", message });
    if (!volume) throw badRequest(`volume_id ${JSON.stringify(volumeId)} does not name an existing volume`, detail("unknown volume"));
    if (volume.region !== region) {
      throw badRequest(`volume ${volumeId} is in region ${volume.region}, the cluster in ${region}`, detail("volume is in another region"));
    }
    if (volume.attachedTo !== undefined) {
      throw badRequest(`volume ${volumeId} is already attached to cluster ${volume.attachedTo}`, detail("volume already attached"));
    }
    return volume;
  }

  /** Releases every volume attached to `clusterId` (its cluster is gone; volumes outlive clusters). */
  detachAll(clusterId: string): void {
    for (const volume of this.#volumes.values()) if (volume.attachedTo === clusterId) volume.attachedTo = undefined;
  }

  /** Status in the v2 vocabulary: `bound` while attached, `available` otherwise (the fake provisions instantly). */
  status(volume: VolumeRecord): Extract<V2VolumeStatus, "available" | "bound"> {
    return volume.attachedTo === undefined ? "available" : "bound";
  }

  /** Forgets every volume (ids keep counting up). */
  clear(): void {
    this.#volumes.clear();
  }
}

/** 400 unless `value` is a positive integer. */
export function assertPositiveInteger(value: number, pointer: string, name: string): void {
  if (!(Number.isInteger(value) && value > 0)) {
    throw badRequest(`${name} must be a positive integer, got ${value}`, { location: "body", pointer, message: "not a positive integer" });
  }
}
