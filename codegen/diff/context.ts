import type { Change, ChangeKind, Direction, JsonObject } from "./types.js";

/** Per-run state of one diff: both documents, the changes found so far, and what was already compared. */
export class DiffContext {
  readonly changes: Change[] = [];
  private readonly visited = new Set<string>();
  readonly oldDoc: JsonObject;
  readonly newDoc: JsonObject;

  constructor(oldDoc: JsonObject, newDoc: JsonObject) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  add(kind: ChangeKind, location: Location, breaking: boolean, message: string): void {
    this.changes.push({ kind, location: location.toString(), breaking, message });
  }

  /**
   * True the first time `key` is seen. Shared component schemas are compared once per direction, so a change in
   * `GPUClusterInfo` is reported once, not once per operation that returns it (and recursion terminates).
   */
  firstVisit(key: string): boolean {
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }
}

/** A place in the spec as people read it: a root (operation or component) plus a field path under it. */
export class Location {
  readonly root: string;
  readonly path: string;

  constructor(root: string, path = "") {
    this.root = root;
    this.path = path;
  }

  /** Location of the component schema `name`, used when a walk enters a `$ref`. */
  static component(name: string, direction: Direction): Location {
    return new Location(`schema ${name} (${direction})`);
  }

  field(name: string): Location {
    return new Location(this.root, this.path === "" ? name : `${this.path}.${name}`);
  }

  items(): Location {
    return new Location(this.root, `${this.path}[]`);
  }

  values(): Location {
    return new Location(this.root, `${this.path}{}`);
  }

  variant(index: number): Location {
    return new Location(this.root, `${this.path}<${index}>`);
  }

  toString(): string {
    return this.path === "" ? this.root : `${this.root}: ${this.path}`;
  }
}
