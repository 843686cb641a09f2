/**
 * Cut a release:  npm run release -- [--dry-run]
 * The next version is the strongest bump of (a) the spec diff since the last release tag (specs/v1.yaml, v2.yaml)
 * and (b) the public .d.ts surface diff against that tag's api/public-surface.json. The surface is read from a build
 * this command makes itself (dist/, as `npm run build`), after checking that generated/ matches specs/: a release
 * never describes a stale or failed build. Writes the CHANGELOG.md entry (spec changes per version, surface changes,
 * a migration note when something breaks), bumps package.json (and package-lock.json), updates
 * api/public-surface.json, commits and tags v<version>. --dry-run prints all of it and writes nothing but dist/.
 * The first release (no v* tag yet) keeps the entry CHANGELOG.md has for its version, with its "Generated from" line
 * brought up to date when specs/ changed since it was written.
 * Exit code: 0 done (or nothing to release), 2 bad state (dirty tree, stale generated/, a build that fails,
 * unreadable spec).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { insertChangelogEntry, planRelease } from "../codegen/diff/release-plan.js";
import { currentSpecs, summarizeSince } from "../codegen/diff/release.js";
import { generatedFromLine, summarizeRegeneration } from "../codegen/diff/regeneration.js";
import { createAssignabilityOracle } from "../codegen/diff/surface/assignability.js";
import { compareSurfaces } from "../codegen/diff/surface/compare.js";
import { extractSurface } from "../codegen/diff/surface/extract.js";
import type { PublicSurface } from "../codegen/diff/surface/types.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function lastReleaseTag(): string | undefined {
  try {
    return git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*");
  } catch {
    return undefined;
  }
}

const usage = "usage: npm run release -- [--dry-run]\n";

function main(argv: readonly string[]): number {
  // Strict: a misspelt `--dry-run` (or `--help`) must never be taken for a real release that commits and tags.
  let dryRun: boolean;
  try {
    const { values } = parseArgs({ args: [...argv], options: { "dry-run": { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } }, strict: true });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    dryRun = values["dry-run"];
  } catch (error) {
    process.stderr.write(`release: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const packageJson = readFileSync(join(repoRoot, "package.json"), "utf8");
  const currentVersion = (JSON.parse(packageJson) as { version: string }).version;
  if (!dryRun && git("status", "--porcelain") !== "") {
    process.stderr.write("release: the working tree has uncommitted changes; commit them (or use --dry-run)\n");
    return 2;
  }
  const unbuildable = buildForRelease();
  if (unbuildable !== undefined) {
    process.stderr.write(`release: ${unbuildable}\nrelease: nothing written\n`);
    return 2;
  }
  const since = lastReleaseTag();
  const { summary, sources } = since === undefined
    ? (() => { const current = currentSpecs(repoRoot); return { summary: summarizeRegeneration({}, current.documents), sources: current.sources }; })()
    : summarizeSince(repoRoot, since);
  const typeRoots = [join(repoRoot, "node_modules", "@types")];
  const after = extractSurface(repoRoot, typeRoots);
  let before: PublicSurface | undefined;
  try {
    before = JSON.parse(git("show", `${since ?? "HEAD"}:api/public-surface.json`)) as PublicSurface;
  } catch {
    before = undefined;
  }
  // The compiler judges each changed type, as `api-surface.ts check` does: a reordered or equivalent type is no break.
  const surface = before === undefined ? { bump: "none" as const, changes: [] } : compareSurfaces(before, after, createAssignabilityOracle(repoRoot, after, typeRoots));
  const plan = planRelease({ currentVersion, since, spec: summary, sources, surface, date: new Date().toISOString().slice(0, 10) });
  // The first release is the version package.json already has.
  const version = since === undefined ? currentVersion : plan.version;
  if (since !== undefined && plan.bump === "none") {
    process.stdout.write(`release: nothing changed since ${since} (specs and public surface): no release\n`);
    return 0;
  }
  const changelogPath = join(repoRoot, "CHANGELOG.md");
  const changelog = readFileSync(changelogPath, "utf8");
  const refreshed = since === undefined ? refreshFirstEntry(changelog, version, generatedFromLine(sources)) : undefined;
  const entry = since === undefined ? plan.changelogEntry.replace(`## ${plan.version}`, `## ${version}`) : plan.changelogEntry;
  if (refreshed !== undefined && refreshed !== changelog) {
    process.stdout.write(`release: CHANGELOG.md's ${version} entry was written for other specs: its "Generated from" line becomes\n  ${generatedFromLine(sources)}\n`);
  }
  process.stdout.write(
    `release: ${since === undefined ? "first release" : `since ${since}`}: spec ${summary.bump}, public surface ${surface.bump} → ${plan.bump}\n` +
      `release: ${currentVersion} → ${version} (tag v${version})${dryRun ? " [dry run: nothing written]" : ""}\n\n${entry}`,
  );
  if (dryRun) return 0;
  writeFileSync(changelogPath, since === undefined && refreshed !== undefined ? refreshed : insertChangelogEntry(changelog, entry));
  writeFileSync(join(repoRoot, "package.json"), packageJson.replace(/"version": "[^"]+"/, `"version": "${version}"`));
  const lockPath = join(repoRoot, "package-lock.json");
  const lock = JSON.parse(readFileSync(lockPath, "utf8")) as { version?: string; packages?: Record<string, { version?: string }> };
  lock.version = version;
  if (lock.packages?.[""] !== undefined) lock.packages[""].version = version;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  writeFileSync(join(repoRoot, "api/public-surface.json"), `${JSON.stringify(after, null, 2)}\n`);
  git("add", "CHANGELOG.md", "package.json", "package-lock.json", "api/public-surface.json");
  // A first release whose files already say so (version, entry, surface baseline) has nothing to commit: tag only.
  if (git("diff", "--cached", "--name-only") !== "") git("commit", "-m", `release v${version}`);
  git("tag", "-a", `v${version}`, "-m", `v${version}`);
  process.stdout.write(`release: committed and tagged v${version}\n`);
  return 0;
}

/**
 * Makes the build the surface is read from: generated/ must be what specs/ generate (else the release would describe
 * code that is not there), then dist/ is rebuilt from scratch. Returns what is wrong, or undefined.
 */
function buildForRelease(): string | undefined {
  const check = spawnSync(process.execPath, [join(repoRoot, "codegen/generate.mjs"), "--check"], { cwd: repoRoot, encoding: "utf8" });
  if (check.status !== 0) {
    return `generated/ does not match specs/ (\`npm run generate -- --check\`, exit ${check.status}):\n${check.stdout}${check.stderr}run \`npm run generate\`, commit, and release again`;
  }
  rmSync(join(repoRoot, "dist"), { recursive: true, force: true });
  const build = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: repoRoot, encoding: "utf8" });
  if (build.status !== 0) {
    rmSync(join(repoRoot, "dist"), { recursive: true, force: true });
    return `the package does not build (\`npm run build\`, exit ${build.status}):\n${build.stdout}${build.stderr}fix these errors (they are the handwritten lines a spec change broke), then release again`;
  }
  return undefined;
}

/**
 * The first release keeps the CHANGELOG entry already written for its version; only its "Generated from" line follows
 * specs/ (a sync since then changed them). Undefined when there is no entry for the version (the plan's is inserted).
 */
function refreshFirstEntry(changelog: string, version: string, generatedFrom: string): string | undefined {
  const heading = `## ${version}\n`;
  const start = changelog.indexOf(heading);
  if (start < 0) return undefined;
  const end = changelog.indexOf("\n## ", start + heading.length);
  const section = changelog.slice(start, end < 0 ? undefined : end);
  const updated = section.replace(/^Generated from .*$/m, generatedFrom);
  return changelog.slice(0, start) + updated + (end < 0 ? "" : changelog.slice(end));
}

process.exitCode = main(process.argv.slice(2));
