/**
 * After the request rules: a v1 URL (`/api/v1…`) that none of them rewrote or reported is flagged, so nothing that
 * still speaks v1 passes unseen: an API client class, an axios call, a URL kept in a table, a wrapper of a shape the
 * codemod does not know, a call of a known wrapper whose path it cannot read. Each gets a FIXME at its line, and the
 * file counts as still sending v1 requests (ctx.v1RequestsRemain), so the status rule keeps its v1 literals: a loop
 * that waits for `"READY"` from a v1 request must not be taught to wait for `"Ready"`. A recognized wrapper's own
 * fetch gets a note.
 *
 * Which `/api/v1` is Together's: a URL whose origin is static text is Together's when that origin is; one whose
 * origin is not static text is when its path names a v1 resource (`gpu_cluster`, `regions`, …), or when it is a bare
 * `/api/v1` prefix (a wrapper's) in a file that names Together (`Together…`, `TOGETHER_…`, together.ai, the SDK). Text that is
 * not URL-shaped (a log message with spaces) and module paths are left alone.
 */
import { Node, SyntaxKind, type CallExpression } from "ts-morph";
import type { FileContext } from "../context.js";
import { usesInScope } from "../references.js";
import { v1Resources } from "../tables.js";
import { parts } from "./v1-url.js";
import { findWrappers, type FetchWrapper } from "./wrappers.js";

const V1_PATH = /\/api\/v1(?![\w.-])/;
const NAMES_TOGETHER = /\bTogether|\bTOGETHER_[A-Z_]+|together\.(?:ai|xyz)\b|["']together-(?:ai|clusters)["'/]|togethercomputer/;
const OPAQUE = "\u0000";

/** The URL expression a literal is part of: its template, or the `+` chain around it. */
function urlExpression(literal: Node): Node {
  let node: Node = literal;
  if (Node.isTemplateHead(literal)) node = literal.getParentOrThrow();
  else if (Node.isTemplateMiddle(literal) || Node.isTemplateTail(literal)) node = literal.getParentOrThrow().getParentOrThrow();
  for (let parent = node.getParent(); parent && Node.isBinaryExpression(parent) && parent.getOperatorToken().getText() === "+"; parent = parent.getParent()) node = parent;
  return node;
}

/** Whether the `/api/v1` URL `url` (static text, OPAQUE for what is not) is Together's v1 API. */
function isTogetherV1(text: string, fileNamesTogether: boolean): boolean {
  // A URL has no spaces (a log message that mentions one does); a template may put it on a line of its own.
  const url = text.trim();
  if (/\s/.test(url)) return false;
  const at = url.search(V1_PATH);
  const origin = url.slice(0, at);
  if (/^https?:\/\//.test(origin) && !origin.includes(OPAQUE)) return origin.includes("together");
  const rest = url.slice(at + "/api/v1".length);
  const resource = /^\/([\w]+)/.exec(rest)?.[1];
  if (resource !== undefined) return v1Resources.has(resource);
  return fileNamesTogether;
}

/** The line numbers a node spans. */
function linesOf(node: Node): number[] {
  const lines: number[] = [];
  for (let line = node.getStartLineNumber(); line <= node.getEndLineNumber(); line++) lines.push(line);
  return lines;
}

const statementOf = (node: Node): Node => node.getFirstAncestor((ancestor) => Node.isStatement(ancestor)) ?? node;

/**
 * A named URL (`const API = "…/api/v1"`) is judged where it is used: quiet when every use in this file is covered
 * (or none is left: the rewrite removed them), flagged when it is exported (uses elsewhere are not seen from here).
 */
function constantCovered(expression: Node, covered: (node: Node) => boolean): boolean | undefined {
  const declaration = expression.getParent();
  if (!Node.isVariableDeclaration(declaration) || declaration.getInitializer() !== expression) return undefined;
  const name = declaration.getNameNode();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!Node.isIdentifier(name) || scope === undefined) return undefined;
  if (declaration.getVariableStatement()?.isExported()) return false;
  return usesInScope(name, scope).every(covered);
}

/** Flags every Together v1 URL and wrapper call of the file that the request rules left without a finding. */
export function flagRemainingV1Paths(ctx: FileContext): void {
  // Only what the request rules said covers a URL (a note elsewhere in the statement, a polling note, does not).
  const handled = new Set(ctx.edits.findings.filter((finding) => finding.kind !== "note").map((finding) => finding.line));
  const covered = (node: Node) => ctx.edits.replaces(node) || linesOf(statementOf(node)).some((line) => handled.has(line));
  const wrappers = [...findWrappers(ctx).values()];
  const fileNamesTogether = NAMES_TOGETHER.test(ctx.sourceFile.getFullText());
  const flag = (node: Node, message: string) => {
    ctx.edits.fixme(node, message);
    ctx.v1RequestsRemain = true;
  };
  const literals = [SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral, SyntaxKind.TemplateHead, SyntaxKind.TemplateMiddle, SyntaxKind.TemplateTail].flatMap((kind) =>
    ctx.sourceFile.getDescendantsOfKind(kind),
  );
  const seen = new Set<Node>();
  for (const literal of literals.sort((a, b) => a.getStart() - b.getStart())) {
    if (!V1_PATH.test(literal.getText())) continue;
    // A module path (`import … from "./api/v1/…"`) is a file of this project, not a request.
    const parent = literal.getParent();
    if (Node.isImportDeclaration(parent) || Node.isExportDeclaration(parent) || Node.isExternalModuleReference(parent) || Node.isImportTypeNode(parent?.getParent())) continue;
    const expression = urlExpression(literal);
    if (seen.has(expression)) continue;
    seen.add(expression);
    if (covered(literal)) continue;
    const url = parts(expression)
      .map((part) => ("text" in part ? part.text : OPAQUE))
      .join("");
    if (!V1_PATH.test(url) || !isTogetherV1(url, fileNamesTogether)) continue;
    const shown = expression.getText().replace(/\s+/g, " ");
    const wrapper = wrappers.find((candidate) => candidate.fetchCall.getArguments()[0] === expression);
    if (wrapper !== undefined) {
      ctx.edits.note(literal, `${wrapper.name}() still sends to the v1 API (${shown}); its calls in this file are rewritten or flagged (calls from other files are not seen from here), so it can go once nothing calls it`);
      continue;
    }
    const constant = constantCovered(expression, covered);
    if (constant === true) continue;
    flag(
      literal,
      constant === false
        ? `exported v1 URL (${shown}): its uses in other files are not seen from here; move the code that sends to it to the unified client by hand (docs/migration.md)`
        : `a v1 API URL (${shown}) that the codemod cannot read as a call it can rewrite (an API client class, another HTTP library, a URL built elsewhere): move what sends to it to the unified client by hand (docs/migration.md)`,
    );
  }
  for (const wrapper of wrappers) flagUnreadWrapperCalls(ctx, wrapper, covered, flag);
}

/** A call of a recognized wrapper that no rule rewrote or reported (its path is not static text) still sends to v1. */
function flagUnreadWrapperCalls(ctx: FileContext, wrapper: FetchWrapper, covered: (node: Node) => boolean, flag: (node: Node, message: string) => void): void {
  const calls = ctx.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call: CallExpression) => call.getExpression().getText() === wrapper.name);
  for (const call of calls) {
    if (covered(call) || call.getFirstAncestor((ancestor) => ancestor === wrapper.fetchCall)) continue;
    flag(call, `this call of ${wrapper.name}() sends to the v1 API with a path the codemod cannot read statically (${call.getText().replace(/\s+/g, " ")}): move it to the unified client by hand (docs/migration.md)`);
  }
}
