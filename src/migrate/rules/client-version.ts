/**
 * `createClient({ apiVersion: "v1" })` → `"v2"` (dropping a baseUrl that names the v1 server), and reads of answer
 * fields v2 never sends, found by type: they are flagged, since after the flip they read `undefined`.
 */
import { Node, SyntaxKind } from "ts-morph";
import { literalText, packageName, quoteLike, type FileContext } from "../context.js";
import { v1AnswerFieldReplacements, v1OnlyAnswerFields, v1Origin } from "../tables.js";

function declaredInPackage(node: Node): boolean {
  const path = node.getSourceFile().getFilePath();
  return path.includes(`/node_modules/${packageName}/`) || /\/src\/types\.(d\.)?ts$/.test(path) || path.includes(`/${packageName}/dist/`);
}

function rewriteApiVersion(ctx: FileContext): void {
  if (!ctx.importsFromPackage("createClient")) return;
  for (const call of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getText() !== "createClient") continue;
    const options = call.getArguments()[0];
    if (options === undefined || !Node.isObjectLiteralExpression(options)) continue;
    const version = options.getProperty("apiVersion");
    const value = version !== undefined && Node.isPropertyAssignment(version) ? version.getInitializer() : undefined;
    if (value === undefined || literalText(value) !== "v1") continue;
    ctx.edits.replace(value, quoteLike(value, "v2"));
    ctx.edits.rewritten(value, `apiVersion "v1" → "v2"`);
    const base = options.getProperty("baseUrl");
    const baseValue = base !== undefined && Node.isPropertyAssignment(base) ? base.getInitializer() : undefined;
    if (base === undefined || baseValue === undefined) continue;
    if (literalText(baseValue)?.replace(/\/$/, "") === v1Origin) {
      const properties = options.getProperties();
      const next = properties[properties.indexOf(base) + 1];
      const previous = properties[properties.indexOf(base) - 1];
      if (next !== undefined) ctx.edits.replaceRange(base.getStart(), next.getStart(), "");
      else if (previous !== undefined) ctx.edits.replaceRange(previous.getEnd(), base.getEnd(), "");
      ctx.edits.rewritten(base, "dropped baseUrl of the v1 server (v2's default applies)");
    } else {
      ctx.edits.fixme(base, `apiVersion is now "v2": this baseUrl must name the v2 server root (default https://api.together.ai/v1), not the v1 one.`);
    }
  }
}

function flagV1OnlyReads(ctx: FileContext): void {
  const v1Only: Readonly<Record<string, readonly string[]>> = v1OnlyAnswerFields;
  const migratedHere = ctx.edits.findings.some((f) => f.kind === "rewritten");
  for (const access of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
    const name = access.getName();
    if (ctx.edits.claimed(access)) continue;
    const receiverType = access.getExpression().getType();
    const owner = receiverType.getSymbol() ?? receiverType.getAliasSymbol();
    const ownerName = owner?.getName();
    if (ownerName !== undefined && v1Only[ownerName]?.includes(name) && owner!.getDeclarations().some(declaredInPackage)) {
      ctx.edits.fixme(access, `${name} is sent only by a v1 server; on v2 it is undefined.`);
      continue;
    }
    if (migratedHere && Object.hasOwn(v1AnswerFieldReplacements, name) && receiverType.isAny()) {
      ctx.edits.fixme(access, `${name} is a v1 answer field; the unified answer has ${v1AnswerFieldReplacements[name as keyof typeof v1AnswerFieldReplacements]}.`);
    }
  }
}

/** The apiVersion flip and the reads it affects. */
export function rewriteClientVersion(ctx: FileContext): void {
  rewriteApiVersion(ctx);
  flagV1OnlyReads(ctx);
}
