/**
 * Whatever still speaks v1 after the rewrite is reported: a `/api/v1` path the rules could not read as a call gets a
 * FIXME at its line (a wrapper of a shape the codemod does not know, a URL built elsewhere); a recognized wrapper's
 * own fetch gets a note; another API's `/api/v1` and module paths are left alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { fixmeMarker } from "../../src/migrate/file-edits.js";
import { migrate } from "../../src/migrate/run.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const tsConfigFilePath = join(here, "tsconfig.json");
const cacheDir = join(here, "../../node_modules/.cache");
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(cacheDir, "migrate-leftovers-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files: Record<string, string> = {
  // A generic wrapper returning the parsed body through a variable: its calls are rewritten, the wrapper gets a note.
  "generic-wrapper.ts": [
    'const BASE = process.env.TOGETHER_BASE_URL ?? "https://manager.cloud.together.ai";',
    "",
    "async function call<T>(path: string, method = \"GET\"): Promise<T> {",
    "  const res = await fetch(`${BASE}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${process.env.TOGETHER_API_KEY}` } });",
    "  if (!res.ok) throw new Error(String(res.status));",
    "  const body = (await res.json()) as T;",
    "  return body;",
    "}",
    "",
    'export const clusters = () => call<{ clusters: unknown[] }>("/gpu_clusters");',
    "",
  ].join("\n"),
  // An API client class: its methods are not wrappers the codemod reads.
  "client-class.ts": [
    "export class TogetherV1 {",
    "  constructor(private readonly base: string) {}",
    "  async get(path: string): Promise<unknown> {",
    "    return (await fetch(`${this.base}/api/v1${path}`)).json();",
    "  }",
    "}",
    "",
  ].join("\n"),
  // A URL kept in a table and sent elsewhere.
  "url-table.ts": ['export const endpoints = {', '  list: "https://manager.cloud.together.ai/api/v1/gpu_clusters",', "};", ""].join("\n"),
  // Another API's /api/v1, and a module path: nothing to say.
  "other-api.ts": [
    'import type { Thing } from "./api/v1/things";',
    "export async function users(): Promise<Thing[]> {",
    '  return (await fetch("https://api.example.com/api/v1/users")).json();',
    "}",
    "export const relative = (path: string) => fetch(`/api/v1${path}`);",
    "",
  ].join("\n"),
  "api/v1/things.ts": "export interface Thing { id: string }\n",
};

it("flags what still speaks v1 at its line, once, and leaves other APIs alone", () => {
  const root = join(work, "src");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const first = migrate({ paths: [root], cwd: work, tsConfigFilePath });
  const flagged = first.findings.filter((f) => f.kind === "fixme" || f.kind === "note").map((f) => `${f.file}:${f.line}: ${f.kind}`);
  expect(flagged).toEqual(["src/client-class.ts:4: fixme", "src/generic-wrapper.ts:4: note", "src/generic-wrapper.ts:10: note", "src/url-table.ts:2: fixme"]);
  const said = (file: string, line: number) => first.findings.find((f) => f.file === file && f.line === line)?.message;
  expect(said("src/client-class.ts", 4)).toMatch(/^this still sends to the v1 API \(`\$\{this\.base\}\/api\/v1\$\{path\}`\), and the codemod cannot read it/);
  expect(said("src/generic-wrapper.ts", 4)).toMatch(/^call\(\) still sends to the v1 API/);
  expect(first.findings).toContainEqual(expect.objectContaining({ file: "src/generic-wrapper.ts", line: 10, kind: "rewritten" }));
  expect(readFileSync(join(root, "generic-wrapper.ts"), "utf8")).toContain("client.clusters.list()");
  expect(readFileSync(join(root, "client-class.ts"), "utf8").split("\n")[3]).toContain(fixmeMarker);
  expect(readFileSync(join(root, "url-table.ts"), "utf8").split("\n")[1]).toContain(fixmeMarker);
  expect(readFileSync(join(root, "other-api.ts"), "utf8")).toBe(files["other-api.ts"]);

  // A second run adds no second comment.
  migrate({ paths: [root], cwd: work, tsConfigFilePath });
  expect(readFileSync(join(root, "client-class.ts"), "utf8").split(fixmeMarker)).toHaveLength(2);
  expect(readFileSync(join(root, "url-table.ts"), "utf8").split(fixmeMarker)).toHaveLength(2);
}, 60_000);

it("a recognized wrapper's own fetch gets a note once its calls are rewritten", () => {
  const root = join(work, "wrapped");
  mkdirSync(root, { recursive: true });
  const source = readFileSync(join(here, "fixtures/fetch-wrapper/input.ts"), "utf8");
  writeFileSync(join(root, "wrapper.ts"), source);
  const result = migrate({ paths: [root], cwd: work, tsConfigFilePath });
  const line = source.split("\n").findIndex((text) => text.includes("fetch(`${BASE}/api/v1${path}`")) + 1;
  expect(result.findings).toContainEqual(expect.objectContaining({ file: "wrapped/wrapper.ts", line, kind: "note", message: expect.stringMatching(/^api\(\) still sends to the v1 API/) }));
  expect(result.findings.filter((f) => f.kind === "fixme")).toEqual([]);
}, 60_000);
