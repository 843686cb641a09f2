/**
 * Type-check cost for a consumer: a small file using the public API, beside
 * the same calls written against openapi-fetch with the raw generated `paths`.
 * Each case gets its own folder and tsconfig (the project's strict options,
 * only that file as root) and is checked by `tsc --extendedDiagnostics`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { summarize, type Summary } from "./lib/stats.js";
import { timeProcess } from "./lib/process-timing.js";

/**
 * One consumer file. `source` names folders through placeholders such as
 * `{{repo}}`, replaced by a relative path from the consumer's folder.
 */
export interface ConsumerCase {
  readonly name: string;
  readonly source: string;
}

/** Wall time of the tsc process and the checker's own figures. */
export interface TypecheckRow {
  readonly name: string;
  readonly command: string;
  readonly wallMillis: Summary;
  readonly checkMillis: Summary;
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
}

const compilerOptions = {
  target: "ES2022",
  lib: ["ES2023", "DOM"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  skipLibCheck: true,
  noEmit: true,
};

function diagnostic(output: string, label: string, caseName: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(s?)$`, "m").exec(output);
  if (!match) {
    throw new Error(`typecheck "${caseName}": no "${label}" line in tsc --extendedDiagnostics output`);
  }
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

/**
 * Writes each case under `workDir`, then runs tsc `runs` times per case
 * (interleaved by case). `folders` maps placeholder names to absolute paths;
 * `repo` is always `repoRoot`.
 */
export function measureTypecheck(
  cases: readonly ConsumerCase[],
  repoRoot: string,
  workDir: string,
  runs: number,
  folders: Readonly<Record<string, string>> = {},
): TypecheckRow[] {
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const prepared = cases.map((consumer) => {
    const dir = join(workDir, consumer.name.replace(/[^a-z0-9]+/gi, "-"));
    mkdirSync(dir, { recursive: true });
    const source = Object.entries({ ...folders, repo: repoRoot }).reduce(
      (text, [name, folder]) => text.replaceAll(`{{${name}}}`, relative(dir, folder) || "."),
      consumer.source,
    );
    if (/\{\{\w+\}\}/.test(source)) {
      throw new Error(`typecheck "${consumer.name}": unknown placeholder ${/\{\{\w+\}\}/.exec(source)![0]}`);
    }
    writeFileSync(join(dir, "consumer.ts"), source);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2));
    return { consumer, command: { label: consumer.name, argv: [process.execPath, tsc, "-p", dir, "--extendedDiagnostics"], cwd: repoRoot } as const };
  });
  const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const check = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const last = new Map<string, string>();
  for (let run = 0; run < runs; run++) {
    for (const { consumer, command } of prepared) {
      const timing = timeProcess(command, 1, run === 0 ? 1 : 0);
      wall.get(consumer.name)!.push(timing.millis.median);
      check.get(consumer.name)!.push(diagnostic(timing.lastStdout, "Check time", consumer.name));
      last.set(consumer.name, timing.lastStdout);
    }
  }
  return prepared.map(({ consumer, command }) => {
    const output = last.get(consumer.name)!;
    return {
      name: consumer.name,
      command: `node node_modules/typescript/bin/tsc -p ${relative(repoRoot, command.argv[3])} --extendedDiagnostics`,
      wallMillis: summarize(wall.get(consumer.name)!),
      checkMillis: summarize(check.get(consumer.name)!),
      files: diagnostic(output, "Files", consumer.name),
      types: diagnostic(output, "Types", consumer.name),
      instantiations: diagnostic(output, "Instantiations", consumer.name),
    };
  });
}
