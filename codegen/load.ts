import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Document, Node as YamlNode, YAMLMap } from "yaml";
import { CodegenError, CodegenErrors, type SpecLocation } from "./errors.js";
import type { ApiVersion } from "./ir.js";
import { childPointer, isRecord, parsePointer, resolvePointer, toPointer } from "./pointer.js";
import { kindAt, kindName } from "./ref-kind.js";
import { readWithEvents } from "./yaml-events.js";
import { checkExpansion, MAX_DEPTH } from "./yaml-limits.js";

/** A spec file parsed once: the plain JSON value plus what is needed to map any pointer back to file:line:col. */
export interface LoadedSpec {
  readonly version: ApiVersion;
  /** Display path (relative to the repo root, forward slashes) used in banners, spec-info and error messages. */
  readonly file: string;
  readonly sha256: string;
  /** Length of the YAML text (UTF-16 code units): what parsing it costs grows with this. */
  readonly textLength: number;
  /** The document as plain JSON-compatible data (YAML aliases expanded). */
  readonly document: Record<string, unknown>;
  /** Maps a JSON pointer to a location; falls back to the deepest existing ancestor. */
  locate(pointer: string): SpecLocation;
  /** A CodegenError located at `pointer`. */
  error(pointer: string, detail: string): CodegenError;
  /**
   * Lets go of the YAML syntax tree behind `locate` (on a large spec several times the size of the document itself);
   * a later `locate` parses the text again. The pipeline calls it once normalization has located everything the
   * output cites, so the tree is not held through emission, where only an error would need it.
   */
  releaseSyntaxTree(): void;
}

// require, not `import`: yaml's Node build is CommonJS, and an ES import makes Node scan it for named exports first.
const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)("yaml") as typeof import("yaml");

const SUPPORTED_OPENAPI = /^3\.[01]\.\d+$/;

/**
 * Reads and validates one spec: YAML syntax, OpenAPI version, and every `$ref` (internal, resolvable, and not part
 * of a cycle that no TypeScript type can express). Throws CodegenError with the location of the first problem.
 */
export function loadSpec(absolutePath: string, displayPath: string, version: ApiVersion, onDocument?: (document: Record<string, unknown>, textLength: number) => void): LoadedSpec {
  const bytes = readFileSync(absolutePath);
  return parseSpec(bytes.toString("utf8"), displayPath, version, createHash("sha256").update(bytes).digest("hex"), onDocument);
}

/**
 * loadSpec on text already in memory (tests and the spec differ use this directly). `onDocument` receives the parsed
 * document (and the text's length) as soon as it exists, before the OpenAPI version and `$ref` checks (the pipeline starts openapi-typescript
 * on it there; if a check then fails, that conversion is dropped).
 */
export function parseSpec(
  text: string,
  displayPath: string,
  version: ApiVersion,
  sha256 = createHash("sha256").update(text, "utf8").digest("hex"),
  onDocument?: (document: Record<string, unknown>, textLength: number) => void,
): LoadedSpec {
  const read = readSpecText(text, displayPath);
  const locate = (pointer: string): SpecLocation => ({ file: displayPath, ...read.linePos(read.offsetOf(pointer)), pointer });
  const error = (pointer: string, detail: string): CodegenError => new CodegenError(locate(pointer), detail);
  const { document } = read;
  if (!isRecord(document)) throw error("#", "the spec must be a YAML mapping (an OpenAPI document object)");
  onDocument?.(document, text.length);
  const spec: LoadedSpec = { version, file: displayPath, sha256, textLength: text.length, document, locate, error, releaseSyntaxTree: read.release };
  validateOpenApiVersion(spec);
  validateRefs(spec);
  return spec;
}

/** A spec's text read into plain data, with yaml's source position of any node in it. */
export interface SpecText {
  /** The document as plain JSON-compatible data (YAML aliases expanded), as yaml's `toJS` gives it. */
  readonly document: unknown;
  /** Source offset of the node at `pointer` (see `offsetInTree`). */
  offsetOf(pointer: string): number;
  /** 1-based line and column of an offset, as yaml's LineCounter gives them. */
  linePos(offset: number): { readonly line: number; readonly col: number };
  /** Lets go of what `offsetOf` reads (events or syntax tree); a later `offsetOf` reads the text again. */
  release(): void;
}

/**
 * Reads spec text: with js-yaml's events where they give exactly what yaml would (yaml-events.ts; ten times faster),
 * else, or with `reader: "yaml"`, with yaml, which reports a syntax error (or a limit of yaml-limits.ts) as a located
 * CodegenError. Positions are yaml's either way; where the events do not hold one, yaml's syntax tree is built for it.
 */
export function readSpecText(text: string, displayPath: string, reader: "events-or-yaml" | "yaml" = "events-or-yaml"): SpecText {
  const lineCounter = new LineCounter();
  const viaEvents = reader === "events-or-yaml" ? readWithEvents(text, MAX_DEPTH) : undefined;
  let events = viaEvents;
  let tree: { readonly doc: Document; readonly keyIndex: KeyIndex } | undefined;
  let document: unknown;
  if (viaEvents) {
    countLines(text, lineCounter);
    document = viaEvents.document;
  } else {
    const doc = parseYaml(text, lineCounter, displayPath);
    const fail = (offset: number, detail: string) => new CodegenError({ file: displayPath, ...lineCounter.linePos(offset), pointer: pointerAtOffset(doc, offset) }, detail);
    const firstError = doc.errors[0];
    if (firstError) throw fail(firstError.pos[0], yamlErrorDetail(firstError.message.split("\n")[0] ?? firstError.code));
    // Aliases are bounded by the size they expand to (yaml-limits.ts), not by yaml's own alias count.
    const violation = checkExpansion(doc, text.length);
    if (violation) throw fail(violation.offset, violation.detail);
    document = doc.toJS({ maxAliasCount: -1 });
    tree = { doc, keyIndex: new WeakMap() };
  }
  const offsetOf = (pointer: string): number => {
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      tokens = [];
    }
    if (viaEvents) {
      // Read again after release(): the same text gives the same answer, so it is defined again.
      events ??= readWithEvents(text, MAX_DEPTH);
      const found = events?.offsetOf(tokens);
      if (found !== undefined) return found;
    }
    // Parsed again only when something is located after release (the text parsed once already: no errors).
    tree ??= { doc: parseYamlDocument(text), keyIndex: new WeakMap() };
    return offsetInTree(tree.doc, tokens, tree.keyIndex);
  };
  const release = () => {
    tree = undefined;
    events = undefined;
  };
  return { document, offsetOf, linePos: (offset) => lineCounter.linePos(offset), release };
}

/** Fills `lineCounter` as yaml's parser does: a line starts at 0 and after every line feed. */
function countLines(text: string, lineCounter: InstanceType<typeof LineCounter>): void {
  lineCounter.addNewLine(0);
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lineCounter.addNewLine(at + 1);
}

/** What a yaml syntax error means: yaml reports its own stack overflow on absurd nesting as one, so that is said. */
export function yamlErrorDetail(message: string): string {
  return message.includes("call stack") ? `the YAML is nested too deeply to parse (${message})` : `malformed YAML: ${message}`;
}

/**
 * yaml's parseDocument as every reader of spec text here calls it (the loader, sync's upstream and overlays): with
 * process.env swapped for a plain copy (withPlainEnv) and without yaml's duplicate-key check, which compares each key
 * with every earlier key of its mapping (quadratic: most of the parse time at 10 MB). The caller runs checkExpansion
 * (yaml-limits.ts), which finds duplicate keys in linear time, before trusting the Document.
 */
export function parseYamlDocument(text: string, lineCounter?: InstanceType<typeof LineCounter>): Document {
  return withPlainEnv(() => parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false }));
}

/** yaml's parse; a stack exhausted by absurdly deep input is reported as a spec error, not a crash. */
function parseYaml(text: string, lineCounter: InstanceType<typeof LineCounter>, displayPath: string): Document {
  try {
    return parseYamlDocument(text, lineCounter);
  } catch (error) {
    if (error instanceof RangeError) throw new CodegenError({ file: displayPath, line: 1, col: 1, pointer: "#" }, `the YAML is nested too deeply to parse (${error.message})`);
    throw error;
  }
}

/**
 * Runs `parse` with process.env replaced by a plain copy of itself. yaml's Parser checks `process.env.LOG_TOKENS`
 * once per token (a debug switch), and each read of the real process.env goes through Node's C++ environment
 * accessor: on a 4 MB spec, about a million reads and a tenth of the parse time (measured: CST parse 0.9 s → 0.74 s).
 * The copy holds the same values, so yaml behaves identically; the parse is synchronous, so nothing else can observe
 * the swap, and the real object is back before this returns or throws.
 */
function withPlainEnv<T>(parse: () => T): T {
  const env = process.env;
  process.env = { ...env };
  try {
    return parse();
  } finally {
    process.env = env;
  }
}

function validateOpenApiVersion(spec: LoadedSpec): void {
  const { document } = spec;
  if ("swagger" in document) {
    throw spec.error("#/swagger", `unsupported spec version swagger ${String(document.swagger)}: only OpenAPI 3.0.x and 3.1.x are supported`);
  }
  const openapi = document.openapi;
  if (openapi === undefined) throw spec.error("#", "missing `openapi` field: only OpenAPI 3.0.x and 3.1.x are supported");
  if (typeof openapi !== "string" || !SUPPORTED_OPENAPI.test(openapi)) {
    throw spec.error("#/openapi", `unsupported OpenAPI version ${JSON.stringify(openapi)}: only 3.0.x and 3.1.x are supported`);
  }
}

interface RefSite {
  /** Pointer of the object holding `$ref`. */
  readonly at: string;
  readonly target: string;
}

/** A `$ref` as found in the document, before its value is known to be a string. */
interface RawRefSite {
  readonly at: string;
  /** `at` as tokens (pointer strings are for messages: they are not percent-encoded, so they do not parse back). */
  readonly tokens: readonly string[];
  readonly target: unknown;
}

/**
 * Every `$ref` must be internal and resolve. A cycle made only of `$ref`, `allOf`, `oneOf` and `anyOf` steps is
 * rejected: openapi-typescript would emit `A = B; B = A`, which TypeScript refuses. Cycles that pass through
 * `properties`, `items` or `additionalProperties` are ordinary recursive types and are fine.
 */
function validateRefs(spec: LoadedSpec): void {
  const raw: RawRefSite[] = [];
  collectRefs(spec.document, [], raw);
  const sites: RefSite[] = [];
  for (const { at, target } of raw) {
    if (typeof target !== "string") throw spec.error(childPointer(at, "$ref"), `$ref must be a string, found ${JSON.stringify(target)}`);
    sites.push({ at, target });
  }
  // Every bad $ref is reported in one run (a spec author fixes them together); cycles are checked once all resolve.
  const problems: CodegenError[] = [];
  for (const [index, site] of sites.entries()) {
    try {
      if (!site.target.startsWith("#")) {
        throw spec.error(childPointer(site.at, "$ref"), `external $ref ${JSON.stringify(site.target)} is not supported: vendor a single-file spec`);
      }
      let ok: boolean;
      try {
        ok = resolvePointer(spec.document, site.target) !== undefined;
      } catch {
        ok = false;
      }
      if (!ok) throw spec.error(childPointer(site.at, "$ref"), `$ref ${JSON.stringify(site.target)} points to nothing`);
      checkRefKind(spec, site, raw[index]?.tokens ?? []);
    } catch (error) {
      if (!(error instanceof CodegenError)) throw error;
      problems.push(error);
    }
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new CodegenErrors([first, ...rest]);
  findDirectRefCycle(spec, sites);
}

/** A `$ref` where the document expects a schema (or a parameter, a response, …) must point to one (ref-kind.ts). */
function checkRefKind(spec: LoadedSpec, site: RefSite, tokens: readonly string[]): void {
  const expected = kindAt(tokens);
  if (expected === "other" || expected === "operation" || expected === "mediaType") return;
  const found = kindAt(parsePointer(site.target));
  if (found === expected) return;
  throw spec.error(childPointer(site.at, "$ref"), `$ref ${JSON.stringify(site.target)} must point to ${kindName(expected)} here, but it points to ${kindName(found)}`);
}

/** Walks with a token path and builds a pointer string only where a `$ref` is found (most nodes hold none). */
function collectRefs(value: unknown, path: (string | number)[], out: RawRefSite[]): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      collectRefs(value[index], path, out);
      path.pop();
    }
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref") out.push({ at: toPointer(path), tokens: path.map(String), target: child });
    // Examples are data, not schema: a `$ref` key inside an example is a literal value.
    else if (key !== "example" && key !== "examples" && key !== "x-codeSamples") {
      path.push(key);
      collectRefs(child, path, out);
      path.pop();
    }
  }
}

const DIRECT_COMPOSITION_KEYS = ["allOf", "oneOf", "anyOf"] as const;

/** The `$ref` targets a schema reaches without passing through an object or array (pointer of each `$ref` site too). */
function directRefs(node: unknown, pointer: string): RefSite[] {
  if (!isRecord(node)) return [];
  const found: RefSite[] = [];
  if (typeof node.$ref === "string") found.push({ at: pointer, target: normalizeTarget(node.$ref) });
  for (const key of DIRECT_COMPOSITION_KEYS) {
    const members = node[key];
    if (Array.isArray(members)) members.forEach((member, i) => found.push(...directRefs(member, childPointer(pointer, key, i))));
  }
  return found;
}

function normalizeTarget(target: string): string {
  return toPointer(parsePointer(target));
}

function findDirectRefCycle(spec: LoadedSpec, sites: readonly RefSite[]): void {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (target: string): void => {
    const seen = state.get(target);
    if (seen === "done") return;
    state.set(target, "visiting");
    stack.push(target);
    for (const edge of directRefs(resolvePointer(spec.document, target), target)) {
      if (state.get(edge.target) === "visiting") {
        const cycle = [...stack.slice(stack.indexOf(edge.target)), edge.target].join(" → ");
        throw spec.error(childPointer(edge.at, "$ref"), `cyclic $ref cannot be emitted as a TypeScript type (no object or array breaks the cycle): ${cycle}`);
      }
      visit(edge.target);
    }
    stack.pop();
    state.set(target, "done");
  };
  const targets = [...new Set(sites.map((site) => normalizeTarget(site.target)))].sort();
  for (const target of targets) visit(target);
}

/** Per-mapping key lookup, built on first use: every schema, enum and operation is located, so lookups must not scan. */
type KeyIndex = WeakMap<YAMLMap, Map<string, { readonly key: unknown; readonly value: unknown }>>;

function mapEntry(map: YAMLMap, token: string, index: KeyIndex): { readonly key: unknown; readonly value: unknown } | undefined {
  let byKey = index.get(map);
  if (!byKey) {
    byKey = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!byKey.has(key)) byKey.set(key, { key: pair.key, value: pair.value });
    }
    index.set(map, byKey);
  }
  return byKey.get(token);
}

/**
 * Source offset of the node at `tokens` (a JSON pointer's). A mapping or list entry is located at its key (`status:`),
 * not at its value, which for block collections starts on the next line; a missing step falls back to the deepest
 * existing ancestor.
 */
function offsetInTree(doc: Document, tokens: readonly string[], index: KeyIndex): number {
  let node: unknown = doc.contents;
  let at: unknown = node;
  for (const token of tokens) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const entry = mapEntry(node, token, index);
      if (!entry) break;
      // A scalar is located at its value (the bad `$ref` string, the version number); a mapping or list at its key.
      at = isScalar(entry.value) ? entry.value : entry.key;
      node = entry.value;
    } else if (isSeq(node)) {
      const item: unknown = /^\d+$/.test(token) ? node.items[Number(token)] : undefined;
      if (item === undefined || item === null) break;
      at = item;
      node = item;
    } else {
      break;
    }
  }
  return (at as YamlNode | null | undefined)?.range?.[0] ?? 0;
}

/** The pointer of the innermost node whose source range contains `offset` (for YAML syntax errors). */
function pointerAtOffset(doc: Document, offset: number): string {
  const tokens: (string | number)[] = [];
  let node: unknown = doc.contents;
  const contains = (candidate: unknown): boolean => {
    const range = (candidate as YamlNode | null)?.range;
    return range !== undefined && range !== null && range[0] <= offset && offset <= range[2];
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.value) || contains(item.key));
      if (!pair || !isScalar(pair.key)) break;
      tokens.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item));
      if (index < 0) break;
      tokens.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return toPointer(tokens);
}
