import { Project, SyntaxKind } from "ts-morph";
import { expect, it } from "vitest";
import { usesInScope } from "../../src/migrate/references.js";

// The codemod rewrites `const r = await fetch(…); return r.json()` only when `r` has no other use; a missed use would
// drop code. So uses are counted by spelling, and only property names are left out.
it("counts every identifier spelled like the name as a use, except property names and keys", () => {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile(
    "a.ts",
    [
      "declare const x: { r: number };",
      "async function f() {",
      "  const r = await fetch('u');",
      "  const o = { r };",
      "  const p = { r: 1 };",
      "  x.r;",
      "  const g = () => r.status;",
      "  { const r = 2; void r; }",
      "  return [o, p, g];",
      "}",
    ].join("\n"),
  );
  const declaration = file.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((d) => d.getName() === "r")!;
  const body = file.getFunctionOrThrow("f").getBodyOrThrow();
  const uses = usesInScope(declaration.getNameNode().asKindOrThrow(SyntaxKind.Identifier), body).map((id) => `${id.getStartLineNumber()}:${id.getParentOrThrow().getKindName()}`);
  // The shorthand `{ r }`, the closure's `r.status`, and the shadowing block's two (over-counted, on the safe side).
  expect(uses).toEqual(["4:ShorthandPropertyAssignment", "7:PropertyAccessExpression", "8:VariableDeclaration", "8:VoidExpression"]);
});
