/**
 * Node 20 (this process's), 22 and 24, Bun and Deno each run the consumer program against the packed tarball
 * installed in a fresh project (see setup.ts), once against a fake served from this process and once with the fake
 * started in that runtime, and must print the same summary.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { exec } from "./exec.js";
import { expectedSummary } from "./expected.js";
import { startRuntimeFake } from "./fake.js";
import { toolchainBin } from "./toolchain.js";

interface Runtime {
  readonly name: string;
  readonly command: () => string;
  readonly args: readonly string[];
  /** What `--version` must print (the runtime really is the one named). */
  readonly version: RegExp;
}

const runtimes: readonly Runtime[] = [
  { name: "Node 20", command: () => process.execPath, args: [], version: /^v20\./ },
  { name: "Node 22", command: () => toolchainBin("node22"), args: [], version: /^v22\./ },
  { name: "Node 24", command: () => toolchainBin("node24"), args: [], version: /^v24\./ },
  { name: "Bun", command: () => toolchainBin("bun"), args: [], version: /^1\./ },
  // Deno reads node_modules through its Node compatibility; it may touch the network only for the fake (loopback).
  { name: "Deno", command: () => toolchainBin("deno"), args: ["run", "--allow-env", "--allow-net=127.0.0.1", "--allow-read"], version: /^deno 2\./ },
];

describe.each(runtimes)("$name", (runtime) => {
  let fake: FakeApi;
  beforeEach(async () => {
    fake = await startRuntimeFake();
  });
  afterEach(() => fake.close());

  it("is the runtime it claims to be", async () => {
    const { stdout } = await exec(runtime.command(), ["--version"], { cwd: inject("consumerDir") });
    expect(stdout.trim()).toMatch(runtime.version);
  });

  it("runs the README flow (create, waitForReady, update, delete, regions, volumes) on v1 and v2", async () => {
    const consumerDir = inject("consumerDir");
    const env = { FAKE_API_KEY: fake.apiKey, FAKE_URL_V1: fake.urls.v1, FAKE_URL_V2: fake.urls.v2 };
    const result = await exec(runtime.command(), [...runtime.args, join(consumerDir, "main.mjs")], { cwd: consumerDir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual(expectedSummary);
  });

  it("starts the fake itself (together-clusters/testing) and runs the same flow against it", async () => {
    const consumerDir = inject("consumerDir");
    const result = await exec(runtime.command(), [...runtime.args, join(consumerDir, "self-hosted.mjs")], { cwd: consumerDir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual(expectedSummary);
  });
});
