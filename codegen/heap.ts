import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Specs at least this large (characters of YAML, both specs together) get a collection once their syntax trees are released. */
export const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;

/**
 * A full garbage collection of this thread's heap, now. V8 sizes a heap by its growth, not by what the other threads
 * of the process need: after a 50 MB spec is parsed, this thread holds about 1.8 GB of which the YAML parser's token
 * tree is garbage (about 1 GB), and nothing this thread does afterwards allocates enough to collect it, while the
 * openapi-typescript thread builds its AST (about 1 GB more at 50 MB). `gc` is reachable only with --expose-gc, which
 * this process does not start with (npm runs plain `node`); the flag is set at run time and the function taken from a
 * new context, where V8 installs it.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * collectGarbage that also compacts the heap, so the emptied pages go back to the system. An ordinary full
 * collection frees objects but keeps most pages committed when their survivors are scattered, as they are after the
 * parse (measured at 50 MB, after the syntax tree is released: 263 MB live in 1,010 MB committed), because V8
 * evacuates only a few fragmented pages per collection; --compact-on-every-full-gc, on for this one collection,
 * evacuates them all. Evacuating costs time per live byte and holds old and new pages together for a moment, so it
 * is for points where little is live (after releaseSyntaxTree), not right after the parse.
 */
export function compactHeap(): void {
  setFlagsFromString("--compact-on-every-full-gc");
  try {
    collectGarbage();
  } finally {
    setFlagsFromString("--no-compact-on-every-full-gc");
  }
}
