/**
 * The last rule: a v1 path (`/api/v1…`) that no other rule reported is flagged, so nothing that still speaks v1 passes
 * unseen: a fetch wrapper the codemod cannot read (`fetch(\`${BASE}/api/v1${path}\`)` returning something other than
 * the Response or its JSON), a URL assembled in another function. It becomes a FIXME above the line. A recognized
 * wrapper's own fetch gets a note instead: its calls in this file were rewritten, and it can go once nothing calls it.
 *
 * A `/api/v1` path belongs to Together's v1 API when its URL's origin is Together's, when it names a v1 resource
 * (`gpu_cluster`, `regions`, …), or when the origin is not static text and the file mentions Together elsewhere;
 * another API's `/api/v1` (an explicit origin of another host, or a file with no word of Together) is left alone.
 */
import { Node, SyntaxKind } from "ts-morph";
import type { FileContext } from "../context.js";
import { usesInScope } from "../references.js";
import { v1Routes } from "../tables.js";
import { parts } from "./v1-url.js";
import { findWrappers } from "./wrappers.js";

const V1_PATH = /\/api\/v1(?![\w.-])/;
const V1_RESOURCES = new Set(v1Routes.map((route) => route.path.split("/")[0]!));

/** The URL expression a literal is part of: its template, or the `+` chain around it. */
function urlExpression(literal: Node): Node {
  let node: Node = Node.isTemplateHead(literal) || Node.isTemplateMiddle(literal) || Node.isTemplateTail(literal) ? literal.getParentOrThrow().getParentOrThrow() : literal;
  if (Node.isTemplateSpan(node)) node = node.getParentOrThrow();
  for (let parent = node.getParent(); parent && Node.isBinaryExpression(parent) && parent.getOperatorToken().getText() === "+"; parent = parent.getParent()) node = parent;
  return node;
}

/** Whether the `/api/v1` path in `url` (static text, with `\u0000` for what is not) is Together's v1 API. */
function isTogetherV1(url: string, fileMentionsTogether: boolean): boolean {
  const at = url.search(V1_PATH);
  const origin = url.slice(0, at);
  const resource = /^\/api\/v1\/([\w]+)/.exec(url.slice(at))?.[1];
  if (/^https?:\/\//.test(origin) && !origin.includes("\u0000")) return origin.includes("together");
  return (resource !== undefined && V1_RESOURCES.has(resource)) || fileMentionsTogether;
}

function isConstInitializer(expression: Node): boolean {
  const parent = expression.getParent();
  return Node.isVariableDeclaration(parent) && parent.getInitializer() === expression && Node.isIdentifier(parent.getNameNode());
}

/** Whether every use of the constant `expression` initializes is in a statement that has a finding. */
function usesAllReported(expression: Node, reported: ReadonlySet<number>): boolean {
  const declaration = expression.getParentOrThrow();
  if (!Node.isVariableDeclaration(declaration)) return false;
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  const name = declaration.getNameNode();
  if (scope === undefined || !Node.isIdentifier(name)) return false;
  const uses = usesInScope(name, scope);
  return uses.length > 0 && uses.every((use) => rangeOf(use.getFirstAncestor((ancestor) => Node.isStatement(ancestor)) ?? use).some((line) => reported.has(line)));
}

/** The line numbers a node spans. */
function rangeOf(node: Node): number[] {
  const lines: number[] = [];
  for (let line = node.getStartLineNumber(); line <= node.getEndLineNumber(); line++) lines.push(line);
  return lines;
}

/** Flags every v1 path of the file that the other rules left without a finding on its line. */
export function flagRemainingV1Paths(ctx: FileContext): void {
  const reported = new Set(ctx.edits.findings.map((finding) => finding.line));
  const wrappers = [...findWrappers(ctx).values()];
  const fileMentionsTogether = /together/i.test(ctx.sourceFile.getFullText());
  const literals = [SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral, SyntaxKind.TemplateHead, SyntaxKind.TemplateMiddle, SyntaxKind.TemplateTail].flatMap((kind) =>
    ctx.sourceFile.getDescendantsOfKind(kind),
  );
  for (const literal of literals.sort((a, b) => a.getStart() - b.getStart())) {
    if (!V1_PATH.test(literal.getText())) continue;
    // A module path (`import … from "./api/v1/…"`) is a file of this project, not a request.
    if (Node.isImportDeclaration(literal.getParent()) || Node.isExportDeclaration(literal.getParent()) || Node.isExternalModuleReference(literal.getParent())) continue;
    if (ctx.edits.replaces(literal)) continue;
    // A finding anywhere in the statement (a refused call is reported at its first line) covers it.
    const statement = literal.getFirstAncestor((ancestor) => Node.isStatement(ancestor)) ?? literal;
    const line = ctx.edits.line(literal);
    if (rangeOf(statement).some((covered) => reported.has(covered))) continue;
    const expression = urlExpression(literal);
    const url = parts(expression)
      .map((part) => ("text" in part ? part.text : "\u0000"))
      .join("");
    if (!V1_PATH.test(url) || !isTogetherV1(url, fileMentionsTogether)) continue;
    // A named URL (`const BASE = "…/api/v1"`) is judged where it is used: flagged only if a use went unreported.
    if (isConstInitializer(expression) && usesAllReported(expression, reported)) continue;
    reported.add(line);
    const wrapper = wrappers.find((candidate) => candidate.fetchCall.getArguments()[0] === expression);
    const shown = expression.getText().replace(/\s+/g, " ");
    if (wrapper !== undefined) {
      ctx.edits.note(literal, `${wrapper.name}() still sends to the v1 API (${shown}); its calls in this file are rewritten or reported at their lines, so it can go once nothing else calls it`);
    } else {
      ctx.edits.fixme(literal, `this still sends to the v1 API (${shown}), and the codemod cannot read it as a call it can rewrite (a wrapper it does not recognize, or a URL built elsewhere): move it to the unified client by hand (docs/migration.md)`);
    }
  }
}
