import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Specs at least this large (characters of YAML, both specs together) get their heap compacted once their syntax trees are released. */
export const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;

/**
 * A full garbage collection of this thread's heap, now. `gc` is reachable only with --expose-gc, which this process
 * does not start with (npm runs plain `node`); the flag is set at run time and the function taken from a new context,
 * where V8 installs it.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * collectGarbage that also compacts the heap, so that emptied pages go back to the system. V8 sizes a heap by its own
 * growth, not by what the other threads of the process need: once a 50 MB spec is parsed and normalized, this thread
 * commits 1.1–1.9 GB, of which 263 MB is live (the plain document, the models, the text); the rest held the YAML
 * parser's token tree and the released syntax tree (load.ts releaseSyntaxTree). An ordinary full collection frees
 * those objects but keeps most pages committed, because the survivors are scattered over them and V8 evacuates only
 * a few fragmented pages per collection (measured: 1,010 MB committed after it, against 300 MB after this one);
 * --compact-on-every-full-gc, on for this one collection, evacuates them all. The pipeline calls it on specs of
 * COLLECT_AFTER_BYTES or more, after releaseSyntaxTree and before the openapi-typescript thread starts building its
 * AST (about 1 GB at 50 MB). Evacuating costs time per live byte and holds old and new pages together for a moment,
 * so it belongs where little is live.
 */
export function compactHeap(): void {
  setFlagsFromString("--compact-on-every-full-gc");
  try {
    collectGarbage();
  } finally {
    setFlagsFromString("--no-compact-on-every-full-gc");
  }
}
