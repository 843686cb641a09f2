/**
 * The client's public TypeScript surface, read from a build's .d.ts files (run `npm run build` first).
 *
 *   tsx scripts/api-surface.ts extract [packageDir] [--out api/public-surface.json]   print or write the surface
 *   tsx scripts/api-surface.ts check [packageDir] [--baseline api/public-surface.json] compare with the baseline
 *   tsx scripts/api-surface.ts compare <old> <new> [--json]     compare two builds: saved surface .json files or package dirs
 *
 * `check` exits 1 when the surface differs from the committed baseline, printing each change and the bump it
 * implies; accept a reviewed change by re-running `extract --out api/public-surface.json`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAssignabilityOracle } from "../codegen/diff/surface/assignability.js";
import { compareSurfaces } from "../codegen/diff/surface/compare.js";
import { extractSurface } from "../codegen/diff/surface/extract.js";
import type { PublicSurface } from "../codegen/diff/surface/types.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const typeRoots = [join(repoRoot, "node_modules", "@types")];
const defaultBaseline = join(repoRoot, "api", "public-surface.json");

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: readonly string[]): string[] {
  return args.filter((arg, i) => !arg.startsWith("--") && !(i > 0 && args[i - 1]?.startsWith("--") && args[i - 1] !== "--json"));
}

/** A saved surface (`.json`) or a built package directory (read from its `exports` types). */
function readSurface(path: string): PublicSurface {
  if (path.endsWith(".json")) return JSON.parse(readFileSync(path, "utf8")) as PublicSurface;
  return extractSurface(resolve(path), typeRoots);
}

function main([command, ...args]: readonly string[]): number {
  if (command === "extract") {
    const surface = extractSurface(resolve(positional(args)[0] ?? repoRoot), typeRoots);
    const text = `${JSON.stringify(surface, null, 2)}\n`;
    const out = option(args, "--out");
    if (out === undefined) process.stdout.write(text);
    else writeFileSync(out, text);
    return 0;
  }
  if (command === "check" || command === "compare") {
    const [first, second] = positional(args);
    const before = readSurface(command === "check" ? (option(args, "--baseline") ?? defaultBaseline) : (first ?? ""));
    const afterPath = command === "check" ? (first ?? repoRoot) : (second ?? "");
    const after = readSurface(afterPath);
    // With a build at hand the compiler can prove changed signatures compatible; two saved JSONs stay conservative.
    const oracle = afterPath.endsWith(".json") ? undefined : createAssignabilityOracle(resolve(afterPath), after, typeRoots);
    const result = compareSurfaces(before, after, oracle);
    if (args.includes("--json")) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      process.stdout.write(`Public surface bump: ${result.bump}\n`);
      for (const c of result.changes) process.stdout.write(`  - [${c.kind}${c.breaking ? ", breaking" : ""}] ${c.location}: ${c.message}\n`);
    }
    if (command === "check" && result.changes.length > 0) {
      process.stderr.write("The public surface differs from api/public-surface.json. If intended, run: npm run build && npx tsx scripts/api-surface.ts extract --out api/public-surface.json\n");
      return 1;
    }
    return 0;
  }
  process.stderr.write("usage: tsx scripts/api-surface.ts extract|check|compare ... (see the header of scripts/api-surface.ts)\n");
  return 2;
}

process.exitCode = main(process.argv.slice(2));
