/**
 * The maintainer's loop against a real registry: the first release is published to a local verdaccio and installed
 * by a fresh consumer that type-checks; then an upstream change drops a field the consumer reads (an overlay, the way
 * sync records deviations), and sync → build → release → publish ships the next version. The consumer upgrades from
 * the registry and its type errors must be exactly at the line reading that field, the field the new CHANGELOG entry
 * lists under breaking changes. The release runs in a temp clone of this repository's committed HEAD (uncommitted
 * changes are not part of it), never in the working tree.
 */
import { execFile, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedSummary } from "../runtimes/expected.js";
import { startRuntimeFake } from "../runtimes/fake.js";
import { upstreamV2 } from "../sync/helpers.js";
import { startRegistry, type LocalRegistry } from "./verdaccio.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const consumerSources = fileURLToPath(new URL("./consumer/", import.meta.url));
const runtimeConsumer = fileURLToPath(new URL("../runtimes/consumer/", import.meta.url));
const execFileAsync = promisify(execFile);
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");

function run(command: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const { status, output } = run(command, args, cwd);
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${status}:\n${output}`);
  return output;
}

let registry: LocalRegistry;
let workDir: string;
let clone: string;
let consumer: string;

const registryArgs = () => ["--registry", registry.url, "--userconfig", registry.userconfig];
const version = () => (JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string }).version;

/** Packs the clone's current build (already built: no prepack rebuild) and publishes the tarball. */
function publishClone(): void {
  const packed = mustRun("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", workDir], clone);
  const [info] = JSON.parse(packed.slice(packed.indexOf("["))) as { filename: string }[];
  if (info === undefined) throw new Error("npm pack printed no package");
  mustRun("npm", ["publish", join(workDir, info.filename), "--ignore-scripts", ...registryArgs()], clone);
}

function consumerTypeErrors(): { status: number | null; output: string } {
  return run(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], consumer);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "together-clusters-release-flow-"));
  registry = await startRegistry();
  clone = join(workDir, "repo");
  mustRun("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone], workDir);
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"));
  // .gitignore's `node_modules/` matches directories only; the symlink must not make the clone's tree dirty.
  writeFileSync(join(clone, ".git/info/exclude"), "node_modules\n");
  mustRun("git", ["config", "user.name", "Registry Test"], clone);
  mustRun("git", ["config", "user.email", "registry-test@example.invalid"], clone);

  consumer = join(workDir, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  for (const file of readdirSync(consumerSources)) copyFileSync(join(consumerSources, file), join(consumer, file));
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe("release to a real registry", () => {
  it("publishes the first release, which a fresh consumer installs, type-checks against and runs against the fake", async () => {
    mustRun("npm", ["run", "build"], clone);
    mustRun("npm", ["run", "release"], clone);
    expect(mustRun("git", ["tag"], clone).trim()).toBe(`v${version()}`);
    publishClone();

    // The registry serves only what this test publishes; the package's own dependency comes from the usual registry.
    const dependencies = (JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies;
    const fromNpm = Object.entries(dependencies).map(([name, range]) => `${name}@${range}`);
    mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...fromNpm], consumer);
    mustRun("npm", ["install", "--no-audit", "--no-fund", `together-clusters@${version()}`, ...registryArgs()], consumer);
    const installed = JSON.parse(readFileSync(join(consumer, "node_modules/together-clusters/package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(version());
    expect(consumerTypeErrors()).toEqual({ status: 0, output: "" });

    // The runtime tests' README-flow program, now running the copy installed from the registry.
    for (const file of ["flow.mjs", "main.mjs"]) copyFileSync(join(runtimeConsumer, file), join(consumer, file));
    const fake = await startRuntimeFake();
    try {
      // Asynchronous: the fake answers from this process, which a synchronous spawn would block.
      const env = { ...process.env, FAKE_API_KEY: fake.apiKey, FAKE_URL_V1: fake.urls.v1, FAKE_URL_V2: fake.urls.v2 };
      const ran = await execFileAsync(process.execPath, ["main.mjs"], { cwd: consumer, env });
      expect(JSON.parse(ran.stdout)).toEqual(expectedSummary);
    } finally {
      await fake.close();
    }
  });

  it("ships a breaking upstream change as the next version, and the consumer breaks exactly where the CHANGELOG says", () => {
    const firstVersion = version();
    copyFileSync(fileURLToPath(new URL("./drop-os-image.overlay.yaml", import.meta.url)), join(clone, "specs/overlays/v2-zz-drop-os-image.yaml"));
    mustRun("npm", ["run", "sync", "--", "--from", upstreamV2(), "--v2"], clone);
    expect(readFileSync(join(clone, "specs/v2.yaml"), "utf8")).not.toContain("os_image:");
    mustRun("git", ["add", "-A"], clone);
    mustRun("git", ["commit", "--quiet", "-m", "sync: upstream dropped GPUClusterInfo.os_image"], clone);
    mustRun("npm", ["run", "build"], clone);
    mustRun("npm", ["run", "release"], clone);
    const nextVersion = version();
    expect(nextVersion).not.toBe(firstVersion);
    publishClone();

    const versions = JSON.parse(mustRun("npm", ["view", "together-clusters", "versions", "--json", ...registryArgs()], consumer)) as string[];
    expect(versions).toEqual([firstVersion, nextVersion]);

    const changelog = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
    const entry = changelog.slice(changelog.indexOf(`## ${nextVersion}`), changelog.indexOf(`## ${firstVersion}`));
    const breaking = entry.slice(entry.search(/#+ Breaking changes/));
    expect(entry.search(/#+ Breaking changes/)).toBeGreaterThan(0);
    const breakingLines = breaking.split("\n").filter((line) => line.startsWith("- "));
    expect(breakingLines.some((line) => line.includes("os_image"))).toBe(true);

    mustRun("npm", ["install", "--no-audit", "--no-fund", `together-clusters@${nextVersion}`, ...registryArgs()], consumer);
    const { status, output } = consumerTypeErrors();
    expect(status).not.toBe(0);
    const source = readFileSync(join(consumer, "os-image.ts"), "utf8").split("\n");
    const readingLine = source.findIndex((line) => line.includes("os_image")) + 1;
    const errors = output.trim().split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatch(new RegExp(`^os-image\\.ts\\(${readingLine},\\d+\\): error TS\\d+: .*'os_image'`));
      // Every property the compiler says is gone is one the CHANGELOG entry lists as breaking.
      for (const [, property] of error.matchAll(/Property '(\w+)' does not exist/g)) {
        expect(breakingLines.filter((line) => line.includes(property ?? "?"))).not.toEqual([]);
      }
    }
  });
});
