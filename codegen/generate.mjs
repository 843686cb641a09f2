// Entry point of `npm run generate` (`node codegen/generate.mjs`; options and exit codes: cli.ts).
//
// Plain JavaScript so it can start the generator's two worker threads before anything else: one loads
// openapi-typescript, the other ts-morph (the two largest module loads of a run), on the second core, while this
// thread loads tsx, the pipeline and yaml, and parses the specs. Started after tsx instead, both loads would begin
// about 0.2 s later; started lazily, they would sit on the critical path. `node --import tsx codegen/main.ts` runs the
// same CLI and starts the threads itself, a little later.
import { Worker } from "node:worker_threads";

const thread = (file) => new Worker(new URL(file, import.meta.url), { execArgv: [] });
const threads = { wireTypes: thread("./emit/wire-types.worker.mjs"), tsFiles: thread("./emit/ts-files.worker.mjs") };

const { register } = await import("tsx/esm/api");
register();
const { runCli } = await import("./cli.ts");
process.exitCode = await runCli(process.argv.slice(2), undefined, { workers: threads });
