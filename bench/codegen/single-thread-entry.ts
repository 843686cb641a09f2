/**
 * The codegen CLI with its openapi-typescript worker turned off, for
 * profiling only: `--cpu-prof` cannot see into that worker (it is started
 * with its own empty execArgv), so the profile runs every stage on the main
 * thread. Timings always use the real entry, codegen/main.ts.
 */
import { runCli } from "../../codegen/cli.js";

process.exitCode = await runCli(process.argv.slice(2), undefined, { workers: false });
