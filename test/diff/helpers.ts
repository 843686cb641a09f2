import { fileURLToPath } from "node:url";
import { diffSpecs, type DiffResult } from "../../codegen/diff/index.js";
import { loadSpecFile } from "../../codegen/diff/load.js";

export const fixturesDir = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Diffs `fixtures/<dir>/old.yaml` against `fixtures/<dir>/new.yaml`. */
export function diffCase(dir: string): DiffResult {
  return diffSpecs(loadSpecFile(`${fixturesDir}${dir}/old.yaml`), loadSpecFile(`${fixturesDir}${dir}/new.yaml`));
}

export function diffFiles(oldFile: string, newFile: string): DiffResult {
  return diffSpecs(loadSpecFile(`${fixturesDir}${oldFile}`), loadSpecFile(`${fixturesDir}${newFile}`));
}

/** `kind` plus `!` when breaking, e.g. `field-removed!`: compact enough to table every case. */
export function kindsOf(result: DiffResult): string[] {
  return result.changes.map((c) => `${c.kind}${c.breaking ? "!" : ""}`);
}
