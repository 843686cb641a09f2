/**
 * Child process of docs-run.test.ts: runs docs blocks (files given as arguments) one after another in this one
 * process against a fake started here, and prints one line per block: `@@docs-block ` + JSON `{ file, ok, error? }`. One process for
 * all blocks keeps the docs test to a single tsx start-up. Blocks see TOGETHER_API_KEY and reach the fake through
 * redirect-fetch.ts, exactly as written in the docs.
 */
import { pathToFileURL } from "node:url";
import { createClient } from "../../src/index.js";
import { startFakeApi } from "../../src/testing/index.js";

// The fake as a reader starts it: its default clock and poll hint make a block's waits finish in milliseconds.
const fake = await startFakeApi();
process.env["TOGETHER_API_KEY"] = fake.apiKey;
process.env["DOCS_FAKE_V1"] = fake.urls.v1;
process.env["DOCS_FAKE_V2"] = fake.urls.v2;
await import("./redirect-fetch.js");
const seed = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
const seedCluster = {
  cluster_name: "existing", region: "us-central-8", gpu_type: "H100_SXM", num_gpus: 8,
  cuda_version: "12.6", nvidia_driver_version: "560", billing_type: "ON_DEMAND",
} as const;

let current = "";
const report = (file: string, error?: unknown) =>
  process.stdout.write(`@@docs-block ${JSON.stringify({ file, ok: error === undefined, ...(error !== undefined ? { error: error instanceof Error ? error.stack : String(error) } : {}) })}\n`);
// A block that rejects outside its own awaits still fails as that block, instead of killing the runner.
process.on("unhandledRejection", (error) => report(current, error));

for (const file of process.argv.slice(2)) {
  current = file;
  fake.reset();
  // Blocks that read what exists (list, get) find one cluster, as they would on a real account.
  await seed.clusters.create(seedCluster);
  try {
    await import(pathToFileURL(file).href);
    report(file);
  } catch (error) {
    report(file, error);
  }
}
await fake.close();
// A block that leaves a handle open must not hang the test; the test checks every block reported.
process.exit(0);
