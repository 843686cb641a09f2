#!/usr/bin/env node
/**
 * The `together-clusters` command. `migrate` needs ts-morph, an optional peer dependency: when it is missing the
 * command says how to install it and exits 2, before loading anything else.
 */
import { readFileSync } from "node:fs";

const USAGE = `usage: together-clusters migrate <paths…> [--dry-run] [--report json|md]

  migrate   rewrite v1-era code (raw fetch to /api/v1/gpu_cluster…, together-ai beta.clusters, v1 vocabulary,
            apiVersion "v1") to the unified client on v2; sites it cannot rewrite safely get a FIXME comment
`;

/** The ts-morph range this package supports, read from its own package.json so the hint never goes stale. */
function tsMorphRange(): string {
  // dist/src/cli/bin.js when installed, src/cli/bin.ts when run from the repository.
  for (const up of ["../../../package.json", "../../package.json"]) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as { name?: string; peerDependencies?: Record<string, string> };
      if (manifest.name === "together-clusters") return manifest.peerDependencies?.["ts-morph"] ?? "latest";
    } catch {
      // not this level
    }
  }
  return "latest";
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    (command === undefined ? process.stderr : process.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== "migrate") {
    process.stderr.write(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 2;
  }
  try {
    await import("ts-morph");
  } catch {
    process.stderr.write(`together-clusters migrate needs ts-morph, an optional peer dependency of together-clusters:\n  npm install --save-dev ts-morph@${tsMorphRange()}\n`);
    return 2;
  }
  const { runMigrateCli } = await import("../migrate/run.js");
  return runMigrateCli(rest, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}

process.exitCode = await main(process.argv.slice(2));
