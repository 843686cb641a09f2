/**
 * Pull a new upstream API description into specs/:
 *   npm run sync -- --from <upstream openapi.yaml> [--v2] [--commit <sha>]
 *   npm run sync -- --v1 --from <dir of tcloud per-operation pages | page.yaml ...>
 * Extracts the cluster API, applies specs/overlays/vN-*.yaml, validates, writes specs/vN.yaml (only if every step
 * succeeded), then runs `npm run generate`, which prints what changed since the last generation.
 * Options: --specs <dir> reads overlays from and writes into another specs folder; --out <dir> generates into another
 * folder than generated/; --no-generate skips the last step.
 * Exit code: 0 done, 2 an upstream, overlay or validation problem (each printed with file:line; nothing written),
 * or the exit code of `npm run generate`.
 */
import { runSyncCli } from "../codegen/sync/cli.js";

process.exitCode = await runSyncCli(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
