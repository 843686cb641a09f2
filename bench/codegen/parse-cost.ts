/**
 * In-process parse cost of one spec file, the first stage of any generator:
 * codegen/load.ts's read (js-yaml's events where they read the text as yaml
 * does, with the checks that decide it and a position lookup table), the
 * `yaml` package as load.ts uses it for everything else (parseDocument with a
 * LineCounter, then toJS), js-yaml `load` (what openapi-typescript's Redocly
 * loader uses), and JSON.parse of the same document as JSON for a floor.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { LineCounter, parseDocument } from "yaml";
import { readSpecText } from "../../codegen/load.js";
import { summarize, type Summary } from "../lib/stats.js";

/** Milliseconds per parse of the whole file, over runs. */
export interface ParseRow {
  readonly name: string;
  readonly millis: Summary;
}

interface JsYaml {
  load(text: string): unknown;
}

function loadJsYaml(fromDir: string): JsYaml | undefined {
  try {
    // Resolved the way @redocly/openapi-core resolves it, so the same copy openapi-typescript runs is timed.
    const requireFromRedocly = createRequire(createRequire(`${fromDir}/package.json`).resolve("@redocly/openapi-core"));
    return requireFromRedocly("js-yaml") as JsYaml;
  } catch {
    return undefined;
  }
}

/** Times each parser `runs` times on `file`, interleaved; js-yaml is skipped if it cannot be resolved. */
export function measureParseCost(file: string, repoRoot: string, runs: number): ParseRow[] {
  const text = readFileSync(file, "utf8");
  const jsYaml = loadJsYaml(repoRoot);
  const asJson = JSON.stringify(parseDocument(text).toJS());
  const parsers: { name: string; parse: () => unknown }[] = [
    {
      // One lookup makes it build what every later lookup uses (the events' key index, or yaml's syntax tree).
      name: "codegen/load.ts readSpecText + one position lookup",
      parse: () => readSpecText(text, file).offsetOf("#/info"),
    },
    {
      name: "yaml 2 parseDocument + LineCounter + toJS (load.ts's reader for what the events leave to yaml)",
      parse: () => parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: false }).toJS({ maxAliasCount: 10_000 }),
    },
    ...(jsYaml ? [{ name: "js-yaml load (Redocly's copy, as openapi-typescript)", parse: () => jsYaml.load(text) }] : []),
    { name: "JSON.parse of the same document as JSON", parse: () => JSON.parse(asJson) as unknown },
  ];
  const samples = new Map<string, number[]>(parsers.map((p) => [p.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const parser of parsers) {
      const started = process.hrtime.bigint();
      parser.parse();
      samples.get(parser.name)!.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return parsers.map((parser) => ({ name: parser.name, millis: summarize(samples.get(parser.name)!) }));
}
