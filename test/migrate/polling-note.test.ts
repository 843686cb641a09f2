/** Loops that poll a status in a shape the codemod does not rewrite get a note only when they poll a cluster. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { migrate } from "../../src/migrate/run.js";
import { scratchDir, tsConfigFilePath } from "./scratch.js";

const work = scratchDir("migrate-polling-");

const loop = (getter: string, variable: string) =>
  [
    `declare function ${getter}(id: string): Promise<{ status: string }>;`,
    `export async function waitFor(id: string, tries: number) {`,
    `  for (let i = 0; i < tries; i++) {`,
    `    const ${variable} = await ${getter}(id);`,
    `    if (${variable}.status === "READY") return ${variable};`,
    `    await new Promise((r) => setTimeout(r, 5000));`,
    `  }`,
    `  throw new Error("not ready");`,
    `}`,
    ``,
  ].join("\n");

it("notes a cluster polling loop it cannot rewrite, and says nothing about another resource's", () => {
  writeFileSync(join(work, "cluster.ts"), loop("getCluster", "cluster"));
  writeFileSync(join(work, "job.ts"), loop("getJob", "job"));
  const result = migrate({ paths: [work], cwd: work, tsConfigFilePath: tsConfigFilePath, dryRun: true });
  expect(result.findings.map((f) => `${f.file}:${f.line}: ${f.kind}: ${f.message}`)).toEqual([
    "cluster.ts:3: note: this loop polls a cluster's status but not in the shape the codemod rewrites; consider clusters.waitForReady(id, { onStatus })",
  ]);
}, 60_000);
