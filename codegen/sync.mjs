// Entry point of `npm run sync` (`node codegen/sync.mjs`; options and exit codes: scripts/sync.ts, which runs the same
// CLI from source under tsx).
//
// Plain JavaScript for the reason generate.mjs is: the sync CLI runs from the cached esbuild bundle of codegen/ with
// no TypeScript loader, and the generator's worker threads start first, so that loading openapi-typescript and ts-morph
// overlaps with extracting, overlaying and validating the spec; the generation that ends a successful sync then runs
// in this process on those threads instead of in a new `node` process.
import { startGenerator } from "./launch.mjs";

const { threads, load } = await startGenerator();
const [{ runSyncCli }, { runCli }] = await Promise.all([load("sync", "./sync/cli.ts"), load("cli", "./cli.ts")]);
try {
  process.exitCode = await runSyncCli(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    generate: (args) => runCli(args, undefined, { workers: threads }),
  });
} finally {
  // runCli ends both threads; a sync that stops before generating must end them too, or the process stays alive.
  await Promise.all([threads.wireTypes.terminate(), threads.tsFiles.terminate()]);
}
