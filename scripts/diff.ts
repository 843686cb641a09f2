/**
 * Compare two versions of one OpenAPI spec and print the changes and the semver bump they imply:
 *   npm run diff -- <old.yaml> <new.yaml> [--json] [--changelog <version>]
 * Or compare the vendored specs/v1.yaml and specs/v2.yaml with their state at a git ref (the last release):
 *   npm run diff -- --since <git-ref> [--changelog <version>]
 * Exit code: 0 on success (whatever the bump), 2 on bad usage or an unreadable spec.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { diffSpecs, SpecDiffError } from "../codegen/diff/index.js";
import { loadSpecFile } from "../codegen/diff/load.js";
import { regenerationChangelog, renderRegenerationSummary } from "../codegen/diff/regeneration.js";
import { summarizeSince } from "../codegen/diff/release.js";
import { renderChangelogEntry, renderText } from "../codegen/diff/report.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const usage = "usage: npm run diff -- <old.yaml> <new.yaml> [--json] [--changelog <version>]\n       npm run diff -- --since <git-ref> [--changelog <version>]\n";
const valueOptions = new Set(["--changelog", "--since"]);

const knownFlags = new Set(["--json", "--changelog", "--since", "--help", "-h"]);

function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage);
    return 0;
  }
  const unknown = argv.find((arg, i) => arg.startsWith("-") && !knownFlags.has(arg) && !valueOptions.has(argv[i - 1] ?? ""));
  if (unknown !== undefined) {
    process.stderr.write(`diff: unknown option ${unknown}\n${usage}`);
    return 2;
  }
  const value = (name: string) => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? "") : undefined);
  const files = argv.filter((arg, i) => !arg.startsWith("--") && !valueOptions.has(argv[i - 1] ?? ""));
  const changelog = value("--changelog");
  const since = value("--since");
  const [oldPath, newPath] = files;
  const pairMode = since === undefined && files.length === 2 && oldPath !== undefined && newPath !== undefined;
  const sinceMode = since !== undefined && since !== "" && files.length === 0;
  if ((!pairMode && !sinceMode) || changelog === "") {
    process.stderr.write(usage);
    return 2;
  }
  try {
    if (sinceMode) {
      const { summary, sources } = summarizeSince(repoRoot, since);
      process.stdout.write(changelog === undefined ? renderRegenerationSummary(summary, since) : regenerationChangelog(changelog, summary, sources));
      return 0;
    }
    // npm runs scripts in the package root; INIT_CWD is where the command was typed, which relative paths mean.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const result = diffSpecs(loadSpecFile(resolve(cwd, oldPath ?? "")), loadSpecFile(resolve(cwd, newPath ?? "")));
    if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (changelog !== undefined) process.stdout.write(renderChangelogEntry(changelog, [{ title: newPath ?? "", result }]));
    else process.stdout.write(renderText(result));
    return 0;
  } catch (error) {
    if (error instanceof SpecDiffError) {
      process.stderr.write(`diff: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
