import { expect, test } from "vitest";
import { parseSpec } from "../../codegen/load.js";

// The pipeline releases each spec's YAML syntax tree after normalization (load.ts releaseSyntaxTree); an error found
// later (openapi-typescript rejecting the spec) must still be located exactly as before.
test("locate gives the same file:line:col after the syntax tree is released (the text is parsed again)", () => {
  const text = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths:", "  /a:", "    get:", "      operationId: A", "      responses: {}", "components:", "  schemas:", "    S:", "      type: string", "      enum: [x, y]"].join("\n");
  const spec = parseSpec(text, "spec.yaml", "v2");
  const pointers = ["#/paths/~1a/get/operationId", "#/components/schemas/S", "#/components/schemas/S/enum/1", "#/components/schemas/Missing"];
  const before = pointers.map((pointer) => spec.locate(pointer));
  expect(before[0]).toEqual({ file: "spec.yaml", line: 6, col: 20, pointer: pointers[0] });
  spec.releaseSyntaxTree();
  expect(pointers.map((pointer) => spec.locate(pointer))).toEqual(before);
  expect(spec.error("#/components/schemas/S", "bad").message).toBe("spec.yaml:10:5 #/components/schemas/S: bad");
});
