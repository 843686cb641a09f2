/**
 * Global setup of the runtime tests: packs the package once (`npm pack` builds through `prepack`), installs the
 * tarball and the fake's optional peers into a fresh consumer project with `--engine-strict` under this process's
 * Node (20, the oldest line `engines` admits), copies the consumer program in, and bundles it for the browser with esbuild. Every runtime test
 * then runs that one installed copy.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import { repoRoot } from "./toolchain.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The consumer project with the packed tarball and the fake's peers installed. */
    consumerDir: string;
    /** The esbuild browser bundle of the consumer program (exposes `globalThis.runFlow`). */
    browserBundle: string;
  }
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}


export default async function setup(project: TestProject): Promise<() => void> {
  const workDir = mkdtempSync(join(tmpdir(), "together-clusters-runtimes-"));
  const packOutput = mustRun("npm", ["pack", "--json", "--pack-destination", workDir], repoRoot);
  const [info] = JSON.parse(packOutput.slice(packOutput.lastIndexOf("[\n  {"))) as { filename: string }[];
  if (info === undefined) throw new Error("npm pack printed no package");

  const consumerDir = join(workDir, "consumer");
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const install = ["install", "--engine-strict", "--prefer-offline", "--no-audit", "--no-fund"];
  mustRun("npm", [...install, join(workDir, info.filename), "openapi-backend@~5.20.1", "ajv-formats@^3.0.1"], consumerDir);
  const programDir = fileURLToPath(new URL("./consumer/", import.meta.url));
  for (const file of readdirSync(programDir)) copyFileSync(join(programDir, file), join(consumerDir, file));

  const browserBundle = join(consumerDir, "browser-bundle.js");
  await build({ entryPoints: [join(consumerDir, "browser.mjs")], bundle: true, format: "esm", platform: "browser", target: "es2022", outfile: browserBundle, logLevel: "silent" });
  if (!existsSync(browserBundle)) throw new Error("esbuild wrote no browser bundle");

  project.provide("consumerDir", consumerDir);
  project.provide("browserBundle", browserBundle);
  return () => rmSync(workDir, { recursive: true, force: true });
}
