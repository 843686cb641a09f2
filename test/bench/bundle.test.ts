/**
 * Bundle composition: per input, minified bytes from esbuild's metafile and the gzip bytes the bundle would lose
 * without it. Built from a temp dir of three small modules, so the expected ranking is known.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureBundles } from "../../bench/bundle.js";

const dir = mkdtempSync(join(tmpdir(), "bundle-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Pseudo-random words: text gzip cannot squeeze, unlike the repeated table below.
const unique = Array.from({ length: 300 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(" ");
writeFileSync(join(dir, "unique.ts"), `export const message = ${JSON.stringify(unique)};\n`);
writeFileSync(join(dir, "repeated.ts"), `export const table = ${JSON.stringify(Array.from({ length: 300 }, () => "cluster_name"))};\n`);
writeFileSync(join(dir, "small.ts"), `export const answer = 42;\n`);

describe("bundle composition", () => {
  it("says what each input costs once compressed: unique text nearly all its bytes, repeated text little", async () => {
    const [row] = await measureBundles([{ name: "three modules", source: `export * from "./unique.js"; export * from "./repeated.js"; export * from "./small.js";` }], dir, join(dir, "out"));
    const part = (name: string) => row!.composition.find((p) => p.name.endsWith(name))!;
    const uniquePart = part("unique.ts");
    const repeatedPart = part("repeated.ts");
    expect(repeatedPart.bytes).toBeGreaterThan(uniquePart.bytes);
    expect(uniquePart.gzipBytes).toBeGreaterThan(uniquePart.bytes * 0.5);
    expect(repeatedPart.gzipBytes).toBeLessThan(repeatedPart.bytes * 0.1);
    expect(part("small.ts").gzipBytes).toBeLessThan(30);
    const attributed = row!.composition.reduce((sum, p) => sum + (p.gzipBytes ?? 0), 0);
    expect(attributed).toBeLessThanOrEqual(row!.gzip + 20);
    expect(attributed).toBeGreaterThan(row!.gzip * 0.8);
  });
});
