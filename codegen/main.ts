/**
 * Entry point of `npm run generate` (see cli.ts for options and exit codes).
 */
import { runCli } from "./cli.js";

process.exitCode = await runCli(process.argv.slice(2), undefined, { workers: true });
