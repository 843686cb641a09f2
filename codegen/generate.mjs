// Entry point of `npm run generate` (`node codegen/generate.mjs`; options and exit codes: cli.ts).
//
// Plain JavaScript, so the generator's two worker threads start before anything else: one loads openapi-typescript,
// the other ts-morph (the two largest module loads of a run), on the second core, while this thread loads the CLI
// and yaml and parses the specs. The CLI itself runs as a cached esbuild bundle of codegen/ (bundle.mjs; rebuilt
// when any codegen/**/*.ts changes), which starts without tsx's loader; if it cannot be built, the sources run under
// tsx. `node --import tsx codegen/main.ts` runs the same CLI from source and starts the threads itself, later.
import { spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { bundledGenerator } from "./bundle.mjs";

/** A worker thread running one of emit/*.worker.mjs, without this process's flags. */
const thread = (file, workerData) => new Worker(new URL(file, import.meta.url), { execArgv: [], workerData });

const wireTypes = thread("./emit/wire-types.worker.mjs");
const bundle = await bundledGenerator();
const tsFiles = thread("./emit/ts-files.worker.mjs", { module: bundle?.tsFiles });

let runCli;
if (bundle) {
  ({ runCli } = await import(bundle.cli));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ runCli } = await import("./cli.ts"));
}
// docs/migration.md is rendered from src/ (which codegen/ must not import) by scripts/migration-guide.ts, in a parallel
// process, on the default run only (not with other specs or --out).
const args = process.argv.slice(2);
const guide = args.some((a) => /^--(v1|v2|out|help)/.test(a))
  ? 0
  : new Promise((done) => spawn(process.execPath, ["--import", "tsx", new URL("../scripts/migration-guide.ts", import.meta.url).pathname, ...args.filter((a) => a === "--check")], { stdio: "inherit" }).on("exit", (code) => done(code ?? 1)));
process.exitCode = Math.max(await runCli(args, undefined, { workers: { wireTypes, tsFiles } }), await guide);
