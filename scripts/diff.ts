/**
 * `npm run diff -- <old.yaml> <new.yaml> [--json] [--changelog <version>]`
 * Compares two versions of one OpenAPI spec and prints the changes and the semver bump they imply.
 * Exit code: 0 on success (whatever the bump), 2 on bad usage or an unreadable spec.
 */
import { diffSpecs, SpecDiffError } from "../codegen/diff/index.js";
import { loadSpecFile } from "../codegen/diff/load.js";
import { renderChangelogEntry, renderText } from "../codegen/diff/report.js";

function main(argv: readonly string[]): number {
  const json = argv.includes("--json");
  const changelogIndex = argv.indexOf("--changelog");
  const changelogVersion = changelogIndex >= 0 ? argv[changelogIndex + 1] : undefined;
  const files = argv.filter((arg, i) => !arg.startsWith("--") && (changelogIndex < 0 || i !== changelogIndex + 1));
  const [oldPath, newPath] = files;
  if (files.length !== 2 || oldPath === undefined || newPath === undefined || (changelogIndex >= 0 && changelogVersion === undefined)) {
    process.stderr.write("usage: npm run diff -- <old.yaml> <new.yaml> [--json] [--changelog <version>]\n");
    return 2;
  }
  try {
    const result = diffSpecs(loadSpecFile(oldPath), loadSpecFile(newPath));
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (changelogVersion !== undefined) process.stdout.write(renderChangelogEntry(changelogVersion, [{ title: newPath, result }]));
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
