/**
 * Headless Chromium (Debian's `chromium`, driven by playwright-core; never a browser download) loads a loopback page
 * with the esbuild bundle of the consumer program and runs the same flow as the server runtimes, over real
 * cross-origin fetch to the fake.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { expectedSummary } from "./expected.js";
import { startRuntimeFake } from "./fake.js";
import { startPageServer, type PageServer } from "./page-server.js";
import { chromiumPath, mustExist, repoRoot } from "./toolchain.js";

/** The part of playwright-core this test uses (it lives in the toolchain, not in the repository's dependencies). */
interface BrowserContext {
  newPage(): Promise<{
    goto(url: string): Promise<unknown>;
    on(event: "pageerror" | "console", listener: (value: { message?: string; type?: () => string; text?: () => string }) => void): void;
    evaluate<R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  }>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launchPersistentContext(userDataDir: string, options: object): Promise<BrowserContext> };
}

const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let fake: FakeApi;
let pageServer: PageServer;
let context: BrowserContext;
let userDataDir = "";

beforeAll(async () => {
  const playwrightEntry = mustExist(join(repoRoot, "test/runtimes/toolchain/node_modules/playwright-core/index.mjs"), "run `npm run runtimes:install`");
  const { chromium } = (await import(pathToFileURL(playwrightEntry).href)) as Playwright;
  fake = await startRuntimeFake();
  pageServer = await startPageServer(inject("browserBundle"));
  userDataDir = mkdtempSync(join(tmpdir(), "together-clusters-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: mustExist(chromiumPath, "apt-get install -y chromium (or set CHROMIUM_PATH)"),
    headless: true,
    args: chromiumArgs,
  });
});

afterAll(async () => {
  await context?.close();
  await pageServer?.close();
  await fake?.close();
  if (userDataDir !== "") rmSync(userDataDir, { recursive: true, force: true });
});

it("runs the README flow in headless Chromium from the esbuild bundle, on v1 and v2", async () => {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message ?? String(error)));
  await page.goto(`${pageServer.origin}/`);
  // Cross-origin: the page and the fake listen on different ports; the fake's CORS answers the preflights.
  expect(new URL(fake.urls.v1).origin).not.toBe(pageServer.origin);
  const target = { apiKey: fake.apiKey, urls: fake.urls };
  const summary = await page.evaluate(async (arg) => {
    // Waits for the module script, then runs the flow inside the page.
    const run = async (): Promise<unknown> => {
      const flow = (globalThis as { runFlow?: (t: typeof arg) => Promise<unknown> }).runFlow;
      if (flow !== undefined) return flow(arg);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return run();
    };
    return run();
  }, target);
  expect(summary).toEqual(expectedSummary);
  expect(pageErrors).toEqual([]);
  expect(fake.requests.length).toBeGreaterThan(0);
});
