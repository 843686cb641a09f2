import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify, type ToStringOptions } from "yaml";
import { describe, expect, test } from "vitest";
import { syntheticSpec } from "../../bench/codegen/synthetic-spec.js";
import { isCodegenError } from "../../codegen/errors.js";
import { parseSpec, readSpecText, type SpecText } from "../../codegen/load.js";
import { toPointer } from "../../codegen/pointer.js";
// canonical: JSON text that keeps what JSON.stringify would lose (-0, NaN, ±Infinity), so comparisons see them.
import { canonical, readWithEvents } from "../../codegen/yaml-events.js";
import { MAX_DEPTH } from "../../codegen/yaml-limits.js";

// The loader reads specs with js-yaml's events where that gives exactly what yaml gives (codegen/yaml-events.ts).
// These tests hold it to that: the same data and yaml's position for every node, on every spec the repository holds
// and on generated documents, and yaml's own reading (and errors) wherever the text holds anything unusual.

const repoRoot = join(import.meta.dirname, "../..");

/** Every node's pointer, plus one missing key or index below each collection (located at its deepest ancestor). */
function* pointers(value: unknown, path: (string | number)[] = []): Generator<string> {
  yield toPointer(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* pointers(item, [...path, index]);
    yield toPointer([...path, value.length]);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) yield* pointers(child, [...path, key]);
    yield toPointer([...path, "no such key"]);
  }
}

/** Where the two readings of `text` differ: data, or the line:col of any pointer (empty when they agree). */
function differences(text: string): string[] {
  let byYaml: SpecText;
  try {
    byYaml = readSpecText(text, "spec.yaml", "yaml");
  } catch (error) {
    // yaml rejects it (yaml's printer can write what its parser refuses): the events must not accept it either.
    if (!isCodegenError(error)) throw error;
    return readWithEvents(text, MAX_DEPTH) === undefined ? [] : [`the events read what yaml rejects: ${error.message}`];
  }
  const byEvents = readSpecText(text, "spec.yaml");
  if (canonical(byEvents.document) !== canonical(byYaml.document)) return [`data: ${canonical(byEvents.document)} vs yaml ${canonical(byYaml.document)}`];
  const position = (read: SpecText, pointer: string) => {
    const { line, col } = read.linePos(read.offsetOf(pointer));
    return `${line}:${col}`;
  };
  const found: string[] = [];
  for (const pointer of pointers(byYaml.document)) {
    const ours = position(byEvents, pointer);
    const theirs = position(byYaml, pointer);
    if (ours !== theirs) found.push(`${pointer}: ${ours} vs yaml ${theirs}`);
  }
  return found;
}

const takesEvents = (text: string) => readWithEvents(text, MAX_DEPTH) !== undefined;

describe("every YAML file of the repository reads the same both ways", () => {
  const tracked = execFileSync("git", ["ls-files", "*.yaml", "*.yml"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean);
  const upstream = join(repoRoot, "../shared/reference/v2-openapi/upstream/openapi.yaml");
  test.each([...tracked.map((file) => join(repoRoot, file)), upstream])("%s", (file) => {
    const text = readFileSync(file, "utf8");
    const broken = file.endsWith("malformed.yaml");
    // Only the deliberately malformed fixture is left to yaml (which reports its error); the rest take the events.
    expect(takesEvents(text)).toBe(!broken);
    if (!broken) expect(differences(text)).toEqual([]);
  });

  test("a generated spec of the benchmark's shape", () => {
    const text = stringify(syntheticSpec(8, "3.1.0"), { lineWidth: 0, aliasDuplicateObjects: false });
    expect(takesEvents(text)).toBe(true);
    expect(differences(text)).toEqual([]);
  });
});

describe("positions where the event differs from yaml's range", () => {
  test("a block scalar is located at its header, an empty value where yaml puts it, a quoted scalar at its quote", () => {
    const text = ["openapi: 3.1.0", "info:", "  description: |", "    text", "  title:", '  version: "1"', "  summary: >-", "    folded", "tags: ['a', \"b\"]", ""].join("\n");
    expect(takesEvents(text)).toBe(true);
    // From the events (no syntax tree built): the `|` after `description:`. An empty value is left to yaml.
    expect(readWithEvents(text, MAX_DEPTH)!.offsetOf(["info", "description"])).toBe(text.indexOf("|"));
    expect(readWithEvents(text, MAX_DEPTH)!.offsetOf(["info", "title"])).toBeUndefined();
    const read = readSpecText(text, "spec.yaml");
    const at = (pointer: string) => read.linePos(read.offsetOf(pointer));
    expect(at("#/info/description")).toEqual({ line: 3, col: 16 });
    expect(at("#/info/version")).toEqual({ line: 6, col: 12 });
    expect(at("#/tags/0")).toEqual({ line: 9, col: 8 });
    expect(at("#/tags/1")).toEqual({ line: 9, col: 13 });
    expect(differences(text)).toEqual([]);
  });

  test("a block scalar in a list or after an explicit key is left to yaml, at yaml's position", () => {
    const text = "a:\n  - |\n    x\n  - >-\n    y\n? k\n: |\n  z\n";
    expect(takesEvents(text)).toBe(true);
    const events = readWithEvents(text, MAX_DEPTH)!;
    expect([events.offsetOf(["a", "0"]), events.offsetOf(["a", "1"]), events.offsetOf(["k"])]).toEqual([undefined, undefined, undefined]);
    expect(differences(text)).toEqual([]);
  });

  test("a plain key on several lines (after `?`) is found by its folded text", () => {
    const text = "a:\n  ? long\n    key\n  : 1\n  b: 2\n";
    expect(takesEvents(text)).toBe(true);
    const read = readSpecText(text, "spec.yaml");
    expect(read.document).toEqual({ a: { "long key": 1, b: 2 } });
    expect(read.linePos(read.offsetOf("#/a/long key"))).toEqual({ line: 4, col: 5 });
    expect(differences(text)).toEqual([]);
  });

  test("after release() the text is read again, to the same positions", () => {
    const text = ["openapi: 3.1.0", "paths:", "  /a:", "    get:", "      description: |", "        x", "      operationId: A", ""].join("\n");
    const spec = parseSpec(text, "spec.yaml", "v2");
    const pointers = ["#/paths/~1a/get", "#/paths/~1a/get/description", "#/paths/~1a/get/operationId"];
    const before = pointers.map((pointer) => spec.locate(pointer));
    spec.releaseSyntaxTree();
    expect(pointers.map((pointer) => spec.locate(pointer))).toEqual(before);
    expect(before.map(({ line, col }) => `${line}:${col}`)).toEqual(["4:5", "5:20", "7:20"]);
  });
});

describe("whatever the two libraries could read differently is read by yaml", () => {
  test.each([
    ["an anchor and an alias", "a: &x {b: 1}\nc: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a %YAML 1.1 directive (yes is a boolean there)", "%YAML 1.1\n---\na: yes\n"],
    ["a null key (yaml: \"\", js-yaml: \"null\")", "~: v\n"],
    ["a float that overflows (yaml: Infinity, js-yaml: the text)", "a: 1e999\n"],
    ["a key that overflows", "1e999: v\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["a complex key", "? [a]\n: b\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a syntax error", "a: b: c\n"],
    ["nesting past the limit", `${"[".repeat(MAX_DEPTH + 5)}${"]".repeat(MAX_DEPTH + 5)}\n`],
    // Found by an adversarial review: each read differently by js-yaml, or accepted where yaml reports an error.
    ["a number past double range (js-yaml: the text; yaml: Infinity)", `k: ${"1".repeat(400)}\n`],
    ["a hex number past double range", `k: 0x${"f".repeat(300)}\n`],
    ["such a number as a key", `${"1".repeat(400)}: v\n`],
    ["a comment touching its # before a less indented continuation (yaml folds the items into one)", "-\n#c\n  a\n- b\n"],
    ["the same inside a mapping (yaml: an error)", "a:\n  b:\n  #TODO\n    text\n  c: 1\n"],
    ["a tab on a blank line after a block scalar (yaml: an error)", "a: |\n    x\n\t\nb: 1\n"],
    ["a tab before a comment in the indentation", "a:\n  b: |\n    x\n  \t# c\n  c: 1\n"],
    ["an implicit key longer than 1024 characters (yaml: an error)", `${"k".repeat(1025)}: 1\n`],
    ["a key whose : is over 1024 characters after its start", `a${" ".repeat(2000)}: 1\n`],
    ["a quoted key that long", `'${"k".repeat(1030)}': 1\n`],
    ["a document end marker before the document (yaml: two documents)", "...\na: 1\n"],
    ["an out-of-range \\U escape (js-yaml: garbage; yaml: an error)", 'a: "\\U00110000"\n'],
    ["a byte order mark before a root sequence (yaml: an error)", "\ufeff- a\n"],
  ])("%s", (_name, text) => {
    expect(takesEvents(text)).toBe(false);
    expect(differences(text)).toEqual([]);
  });

  test("long number-like keys are found by the key yaml makes of them; dates and ids stay strings on the events", () => {
    const text = `a: 1\n${"1".repeat(70)}: v\nwhen: 2020-01-05\nid: 3f2a9c1e-0b7d-4c1e-9a8f-1b2c3d4e5f60\nn: n-123\nratio: 1.50\n1.50: x\n`;
    expect(takesEvents(text)).toBe(true);
    expect(differences(text)).toEqual([]);
    expect(readSpecText(text, "spec.yaml").document).toMatchObject({ when: "2020-01-05", n: "n-123", ratio: 1.5, "1.5": "x" });
  });

  test("and yaml's reading is the one given: the values, or yaml's located error", () => {
    expect(readSpecText("~: v\na: 1e999\n", "spec.yaml").document).toEqual({ "": "v", a: Number.POSITIVE_INFINITY });
    expect(readSpecText("%YAML 1.1\n---\na: yes\n", "spec.yaml").document).toEqual({ a: true });
    const duplicate = (() => {
      try {
        readSpecText("a: 1\nb:\n  c: 2\n  c: 3\n", "spec.yaml");
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isCodegenError(duplicate) && duplicate.message).toBe("spec.yaml:4:3 #/b/c: malformed YAML: Map keys must be unique");
  });

  test("plain scalars both libraries resolve alike stay on the events", () => {
    const text = "a: 1e3\nb: 0x1F\nc: 0o17\nd: .inf\ne: -.5\nf: True\ng: ~\nh: NULL\ni: 1_000\nj: 0b11\n200: ok\nnull_ish: nullable\n";
    expect(takesEvents(text)).toBe(true);
    expect(differences(text)).toEqual([]);
    expect(readSpecText(text, "spec.yaml").document).toMatchObject({ a: 1000, b: 31, c: 15, f: true, g: null, i: "1_000", j: "0b11", "200": "ok" });
  });
});

// Any data, printed by yaml in any of its styles, reads the same both ways (or is left to yaml).
const tricky = fc.constantFrom("1e3", "0x1F", "null", "~", "True", "-", "- a", "a: b", "#x", " lead", "trail ", "multi\nline", "tab\there", "'", '"', "\\", "é", "\u2028", "", "1.0", "-0", ".inf", "yes", "@x", "`x", "%x", "{a}", "[a]", "*x", "&x", "!x", "|", ">", "__proto__");
const key = fc.oneof(tricky, fc.string({ maxLength: 6 }));
const leaf = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
const data = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("node"), { maxKeys: 5 }),
})).object;
const style: fc.Arbitrary<ToStringOptions> = fc.record({
  collectionStyle: fc.constantFrom("any", "block", "flow"),
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
  lineWidth: fc.constantFrom(0, 20, 80),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
});

test("property: generated documents read the same both ways", () => {
  let onEvents = 0;
  let runs = 0;
  fc.assert(
    fc.property(data, style, (value, options) => {
      const text = stringify(value, options);
      runs++;
      if (takesEvents(text)) onEvents++;
      expect(differences(text)).toEqual([]);
    }),
    { numRuns: Number(process.env["YAML_EVENTS_RUNS"] ?? 300) },
  );
  // The property says something only if most documents really take the events.
  expect(onEvents).toBeGreaterThan(runs / 2);
});

// Damaged text (a character inserted, deleted or replaced here and there in a real spec): whatever yaml makes of it,
// an error or data, the events give the same, or are not taken.
const breakers = fc.constantFrom(":", " ", "\t", "-", "#", " #", "'", '"', "{", "}", "[", "]", "\n", "\n  ", "|", ">", "?", "&", "*", "!", ",", "\\", "%", "@", "`", "---", "...", "\r", "\r\n", "\u00a0", "\u0085", "\u2028", "\ufeff", "\0", "0", "~");
const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom("insert", "delete", "replace"), text: breakers });

test("property: damaged specs read the same both ways", () => {
  const original = readFileSync(join(repoRoot, "specs/v2.yaml"), "utf8").slice(0, 5000);
  let onEvents = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      let text = original;
      for (const { at, kind, text: piece } of edits) {
        const where = at % text.length;
        text = text.slice(0, where) + (kind === "delete" ? "" : piece) + text.slice(kind === "insert" ? where : where + 1);
      }
      runs++;
      if (takesEvents(text)) onEvents++;
      expect(differences(text)).toEqual([]);
    }),
    { numRuns: Number(process.env["YAML_EVENTS_RUNS"] ?? 300) },
  );
  expect(onEvents).toBeGreaterThan(runs / 4);
});

test("line ends: CRLF text takes the events at yaml's positions; a carriage return alone is left to yaml", () => {
  const crlf = readFileSync(join(repoRoot, "specs/v1.yaml"), "utf8").replaceAll("\n", "\r\n");
  expect(takesEvents(crlf)).toBe(true);
  expect(differences(crlf)).toEqual([]);
  expect(takesEvents("a: 1\rb: 2\n")).toBe(false);
});
