/**
 * A sync problem a person has to look at: an upstream that does not have what the config expects, an overlay action
 * that no longer applies, a result that does not validate. `problems` holds every one found in the run, each a line
 * starting with `file:line` where there is a file; scripts/sync.ts prints them and exits 2, writing nothing.
 */
export class SyncError extends Error {
  override readonly name = "SyncError";
  readonly problems: readonly string[];
  /** What the problems have in common and what to do about them, printed above them (not counted as one). */
  readonly heading: string | undefined;

  constructor(problems: string | readonly string[], heading?: string) {
    const list = typeof problems === "string" ? [problems] : problems;
    super([...(heading === undefined ? [] : [heading]), ...list].join("\n"));
    this.problems = list;
    this.heading = heading;
  }
}
