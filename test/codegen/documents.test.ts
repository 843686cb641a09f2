/**
 * documents.ts drops `x-codeSamples` at any depth. It prints with plain JSON.stringify first and uses the (slower)
 * replacer only when the key shows up, so both paths must give the same kind of output.
 */
import { describe, expect, test } from "vitest";
import { renderDocuments } from "../../codegen/emit/documents.js";
import type { LoadedSpec } from "../../codegen/load.js";

function spec(document: Record<string, unknown>, version: "v1" | "v2"): LoadedSpec {
  return { version, file: `specs/${version}.yaml`, sha256: "0", document, locate: () => ({ file: "", line: 1, col: 1, pointer: "#" }), error: () => new Error("unused") } as unknown as LoadedSpec;
}

function documentOf(rendered: string, version: "v1" | "v2"): unknown {
  const match = new RegExp(`export const ${version}Document = ([\\s\\S]*?);\\n(?:\\n|$)`).exec(rendered);
  if (!match) throw new Error(`no ${version}Document in output`);
  return JSON.parse(match[1]!);
}

describe("documents.ts", () => {
  test("drops x-codeSamples at any depth and keeps everything else", () => {
    const withSamples = { openapi: "3.1.0", paths: { "/a": { get: { "x-codeSamples": [{ lang: "sh" }], summary: "s", responses: {} } } } };
    const without = { openapi: "3.0.3", paths: { "/b": { get: { summary: "t", responses: {} } } } };
    const rendered = renderDocuments({ v1: spec(without, "v1"), v2: spec(withSamples, "v2") });
    expect(documentOf(rendered, "v2")).toEqual({ openapi: "3.1.0", paths: { "/a": { get: { summary: "s", responses: {} } } } });
    expect(documentOf(rendered, "v1")).toEqual(without);
    expect(rendered).not.toContain('"x-codeSamples"');
  });

  test("the key's text inside a string value is kept (and the array of a dropped key's name is not touched)", () => {
    const document = { openapi: "3.1.0", info: { description: 'see "x-codeSamples" in the docs' }, tags: ["x-codeSamples"] };
    const rendered = renderDocuments({ v1: spec({ openapi: "3.0.3" }, "v1"), v2: spec(document, "v2") });
    expect(documentOf(rendered, "v2")).toEqual(document);
  });

  test("output is indented JSON, the same with or without a dropped key elsewhere in the document", () => {
    const base = { openapi: "3.1.0", components: { schemas: { A: { type: "object", properties: { n: { type: "number" } } } } } };
    const plain = renderDocuments({ v1: spec({ openapi: "3.0.3" }, "v1"), v2: spec(base, "v2") });
    const dropped = renderDocuments({ v1: spec({ openapi: "3.0.3" }, "v1"), v2: spec({ ...base, "x-codeSamples": [] }, "v2") });
    expect(dropped).toBe(plain);
    expect(plain).toContain('\n  "components": {\n    "schemas": {');
  });
});
