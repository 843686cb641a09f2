// Entry point of `npm run generate` (`node codegen/generate.mjs`; options and exit codes: cli.ts).
//
// Plain JavaScript, so the generator's two worker threads start before anything else: one loads openapi-typescript,
// the other ts-morph (the two largest module loads of a run), on the second core, while this thread loads the CLI
// and yaml and parses the specs. The CLI itself runs as a cached esbuild bundle of codegen/ (bundle.mjs; rebuilt
// when any codegen/**/*.ts changes), which starts without tsx's loader; if it cannot be built, the sources run under
// tsx (launch.mjs). `node --import tsx codegen/main.ts` runs the same CLI from source and starts the threads itself, later.
import { spawn } from "node:child_process";
import { startGenerator } from "./launch.mjs";

const { threads, load } = await startGenerator();
const { runCli } = await load("cli", "./cli.ts");
// docs/migration.md is rendered from src/ (which codegen/ must not import) by scripts/migration-guide.ts, in a parallel
// process, on the default run only (not with other specs or --out).
const args = process.argv.slice(2);
const guide = args.some((a) => /^--(v1|v2|out|help)/.test(a))
  ? 0
  : new Promise((done) => spawn(process.execPath, ["--import", "tsx", new URL("../scripts/migration-guide.ts", import.meta.url).pathname, ...args.filter((a) => a === "--check")], { stdio: "inherit" }).on("exit", (code) => done(code ?? 1)));
process.exitCode = Math.max(await runCli(args, undefined, { workers: threads }), await guide);
