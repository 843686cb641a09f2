import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Specs at least this large (characters of YAML, both specs together) get a collection once their syntax trees are released. */
export const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;

/**
 * A full garbage collection of this thread's heap, now. V8 sizes a heap by its growth, not by what the other threads
 * of the process need: after a 50 MB spec is parsed, this thread holds about 2 GB of which the YAML parser's token
 * tree and the released syntax tree (load.ts releaseSyntaxTree) are garbage, and nothing this thread does afterwards
 * allocates enough to collect them, while the openapi-typescript thread builds its AST (about 1.5 GB more at 50 MB).
 * One collection here keeps the process below 3 GB. `gc` is reachable only with --expose-gc, which this process does
 * not start with (npm runs plain `node`); the flag is set at run time and the function taken from a new context,
 * where V8 installs it.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
