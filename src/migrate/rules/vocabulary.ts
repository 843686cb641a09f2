/**
 * v1 vocabulary → unified (v2) vocabulary in cluster input objects and in status comparisons. Only literal values are
 * changed; a value known only at run time is wrapped in a documented helper (`fromV1DriverToken`) or flagged.
 */
import { Node, SyntaxKind, type ObjectLiteralExpression, type PropertyAssignment } from "ts-morph";
import { parseV1Driver } from "../../mappings/driver.js";
import { billingTypeFromV1, clusterTypeFromV1, gpuTypeFromV1, statusFromV1 } from "../../mappings/v1-vocabulary.js";
import { billingTypeValues, clusterTypeValues, gpuTypeValues } from "../../vocabulary.js";
import { literalText, quoteLike, type FileContext } from "../context.js";
import { fixmeMarker } from "../file-edits.js";
import { olderBillingTypes, olderCreateFieldNames, olderInstanceTypes, olderVolumeFieldNames } from "../tables.js";

/** Fields older SDK types lacked, so callers silenced the compiler on them; the unified types accept them. */
const staleDirectiveFields = new Set(["driver_version", "cuda_version", "nvidia_driver_version"]);

type Lookup = Readonly<Record<string, string | null>>;

function lookup(table: Lookup, key: string): string | null | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A canonical spelling of `value` among `values`, matched case-insensitively and with `-` for `_`. */
function canonical(values: readonly string[], value: string): string | undefined {
  const folded = value.toUpperCase().replace(/-/g, "_");
  return values.find((v) => v === folded);
}

/** A newline and the property's indentation when it sits on its own line, else a space. */
function separatorBefore(ctx: FileContext, p: Node): string {
  const text = ctx.edits.text;
  const lineStart = text.lastIndexOf("\n", p.getStart() - 1) + 1;
  const indent = text.slice(lineStart, p.getStart());
  return /^[ \t]*$/.test(indent) ? `${text[lineStart - 2] === "\r" ? "\r\n" : "\n"}${indent}` : " ";
}

function propertyName(p: PropertyAssignment): string | undefined {
  const name = p.getNameNode();
  if (Node.isIdentifier(name)) return name.getText();
  return literalText(name);
}

/** Removes `// @ts-expect-error` / `// @ts-ignore` lines in front of a property the unified types accept. */
function dropStaleDirectives(ctx: FileContext, property: Node): void {
  for (const range of property.getLeadingCommentRanges()) {
    const text = range.getText();
    if (!/^\/\/\s*@ts-(expect-error|ignore)\b/.test(text)) continue;
    const full = ctx.edits.text;
    const lineStart = full.lastIndexOf("\n", range.getPos() - 1) + 1;
    const lineEnd = full.indexOf("\n", range.getEnd());
    if (full.slice(lineStart, range.getPos()).trim() === "" && lineEnd !== -1) ctx.edits.replaceRange(lineStart, lineEnd + 1, "");
    ctx.edits.rewritten(property, `removed a stale ${text.trim()} (the unified types accept this field)`);
  }
}

/** Rewrites an enum-valued property whose value is a literal; flags UNKNOWN_* sentinels. */
function rewriteEnum(ctx: FileContext, p: PropertyAssignment, field: string, table: Lookup, values: readonly string[], older: Lookup = {}): void {
  const init = p.getInitializer();
  const value = literalText(init);
  if (init === undefined || value === undefined) return;
  const fromOlder = lookup(older, value) ?? lookup(older, value.toLowerCase());
  const mapped = fromOlder ?? lookup(table, value);
  if (mapped === null) {
    ctx.edits.fixme(p, `${field} ${JSON.stringify(value)} is a v1 sentinel with no v2 value; choose one of ${values.join(", ")}.`);
    return;
  }
  const target = mapped ?? canonical(values, value);
  if (target === undefined || target === value) return;
  ctx.edits.replace(init, quoteLike(init, target));
  ctx.edits.rewritten(p, `${field} ${JSON.stringify(value)} → ${JSON.stringify(target)}`);
}

function rename(ctx: FileContext, p: PropertyAssignment | Node, from: string, to: string, siblings: ReadonlySet<string>): boolean {
  if (siblings.has(to)) {
    ctx.edits.fixme(p, `both ${from} (an older name) and ${to} are set; keep only ${to}.`);
    return false;
  }
  const nameNode = Node.isPropertyAssignment(p) ? p.getNameNode() : undefined;
  if (nameNode === undefined) {
    // shorthand `{ name }`: keep the variable, rename the key.
    ctx.edits.replace(p, `${to}: ${p.getText()}`);
  } else {
    ctx.edits.replace(nameNode, to);
  }
  ctx.edits.rewritten(p, `${from} → ${to}`);
  return true;
}

function keysOf(obj: ObjectLiteralExpression): Set<string> {
  const keys = new Set<string>();
  for (const p of obj.getProperties()) {
    if (Node.isPropertyAssignment(p)) {
      const name = propertyName(p);
      if (name !== undefined) keys.add(name);
    } else if (Node.isShorthandPropertyAssignment(p)) keys.add(p.getName());
  }
  return keys;
}

/** Rewrites v1 and older-CLI vocabulary in a cluster create (or update) input object. */
export function rewriteClusterInput(ctx: FileContext, obj: ObjectLiteralExpression, kind: "create" | "update"): void {
  const keys = keysOf(obj);
  for (const p of obj.getProperties()) {
    if (Node.isShorthandPropertyAssignment(p)) {
      const name = p.getName();
      const to = lookup(olderCreateFieldNames, name);
      if (kind === "create" && to) {
        if (name === "instance_type") ctx.edits.fixme(p, `instance_type is gpu_type in v2 and its values changed ("H100-SXM" → "H100_SXM"); check the value of ${name}.`);
        rename(ctx, p, name, to, keys);
      } else if (name === "driver_version") {
        ctx.edits.replace(p, `...fromV1DriverToken(driver_version)`);
        ctx.need("fromV1DriverToken");
        ctx.edits.note(p, "driver_version is known only at run time: spread fromV1DriverToken(driver_version), which throws on a token it cannot split");
      }
      continue;
    }
    if (!Node.isPropertyAssignment(p)) continue;
    const name = propertyName(p);
    if (name === undefined) continue;
    if (staleDirectiveFields.has(name)) dropStaleDirectives(ctx, p);
    const init = p.getInitializerOrThrow();
    switch (name) {
      case "driver_version": {
        const token = literalText(init);
        if (keys.has("cuda_version") || keys.has("nvidia_driver_version")) {
          ctx.edits.fixme(p, "driver_version is the v1 name of cuda_version + nvidia_driver_version, which are also set; remove driver_version.");
          break;
        }
        if (token !== undefined) {
          const pair = parseV1Driver(token);
          if (pair === undefined) {
            ctx.edits.fixme(p, `driver_version ${JSON.stringify(token)} is not a driver v2 can name; set cuda_version and nvidia_driver_version (see regions.list()).`);
            break;
          }
          ctx.edits.replace(p, `cuda_version: ${quoteLike(init, pair.cuda_version)},${separatorBefore(ctx, p)}nvidia_driver_version: ${quoteLike(init, pair.nvidia_driver_version)}`);
          ctx.edits.rewritten(p, `driver_version ${JSON.stringify(token)} → cuda_version ${JSON.stringify(pair.cuda_version)} + nvidia_driver_version ${JSON.stringify(pair.nvidia_driver_version)}`);
        } else {
          ctx.edits.replace(p, `...fromV1DriverToken(${ctx.edits.render(init)})`);
          ctx.need("fromV1DriverToken");
          ctx.edits.note(p, "driver_version is known only at run time: spread fromV1DriverToken(…), which throws on a token it cannot split");
        }
        break;
      }
      case "gpu_type":
        rewriteEnum(ctx, p, "gpu_type", gpuTypeFromV1, gpuTypeValues, olderInstanceTypes);
        break;
      case "billing_type":
        rewriteEnum(ctx, p, "billing_type", billingTypeFromV1, billingTypeValues, olderBillingTypes);
        break;
      case "cluster_type":
        rewriteEnum(ctx, p, "cluster_type", clusterTypeFromV1, clusterTypeValues);
        break;
      case "shared_volume":
        if (Node.isObjectLiteralExpression(init)) rewriteVolumeInput(ctx, init);
        break;
      default: {
        const to = kind === "create" ? lookup(olderCreateFieldNames, name) : undefined;
        if (to) {
          if (rename(ctx, p, name, to, keys) && name === "instance_type") rewriteEnum(ctx, p, "gpu_type", gpuTypeFromV1, gpuTypeValues, olderInstanceTypes);
          if (name === "instance_type" && literalText(init) === undefined) ctx.edits.fixme(p, `instance_type is gpu_type in v2 and its values changed ("H100-SXM" → "H100_SXM"); check the value computed here.`);
          if (name === "reservation_duration") ctx.edits.note(p, "reservation_duration (days) is duration_days");
        }
      }
    }
  }
}

/** Rewrites older names in a shared volume input object. */
export function rewriteVolumeInput(ctx: FileContext, obj: ObjectLiteralExpression): void {
  const keys = keysOf(obj);
  for (const p of obj.getProperties()) {
    const name = Node.isPropertyAssignment(p) ? propertyName(p) : Node.isShorthandPropertyAssignment(p) ? p.getName() : undefined;
    const to = name === undefined ? undefined : lookup(olderVolumeFieldNames, name);
    if (name !== undefined && to) rename(ctx, p, name, to, keys);
  }
}

const v1Statuses: Lookup = statusFromV1;

/** `x.status` whose type is unknown to the checker (any) or a plain string: a v1 answer, not a typed v2 one. */
function isUntypedStatus(node: Node): boolean {
  if (!Node.isPropertyAccessExpression(node) && !Node.isElementAccessExpression(node)) return false;
  const name = Node.isPropertyAccessExpression(node) ? node.getName() : literalText(node.getArgumentExpression());
  if (name !== "status") return false;
  const type = node.getType();
  if (type.isAny() || type.isString() || type.isUnknown()) return true;
  // A caller's own v1 types (`status: "READY" | "PENDING"`): v1 words, which become v2 words with the answer.
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  return members.some((m) => m.isStringLiteral() && Object.hasOwn(v1Statuses, String(m.getLiteralValue())));
}

function rewriteStatusLiteral(ctx: FileContext, literal: Node, site: Node): void {
  const value = literalText(literal);
  if (value === undefined) return;
  const mapped = lookup(v1Statuses, value);
  if (mapped === undefined) return;
  if (mapped === null) {
    ctx.edits.fixme(site, `status ${JSON.stringify(value)} is v1's "unknown" sentinel; it arrives as an Unrecognized value: test isUnrecognized(x.status) or x.lifecycle === "unknown".`);
    return;
  }
  if (ctx.v1RequestsRemain) {
    ctx.edits.fixme(site, `status ${JSON.stringify(value)} is v1's word for ${JSON.stringify(mapped)}; left as is because a v1 request in this file was not rewritten: change both together.`);
    return;
  }
  ctx.edits.replace(literal, quoteLike(literal, mapped));
  ctx.edits.rewritten(site, `status ${JSON.stringify(value)} → ${JSON.stringify(mapped)}`);
  if (mapped === "Pending" || mapped === "Queued" || mapped === "Failed") {
    ctx.edits.note(site, `${JSON.stringify(mapped)} is a v1-only state: a v2 server never reports it (compare lifecycle === "${mapped === "Failed" ? "failed" : "provisioning"}" to cover both)`);
  }
}

/**
 * v1 status strings compared with (or switched on) an untyped `.status`, in files that talk to the cluster API (a v1
 * request was rewritten here, or the file imports together-clusters or together-ai): `"READY"` elsewhere belongs to
 * some other API.
 */
export function rewriteStatusComparisons(ctx: FileContext): void {
  const sf = ctx.sourceFile;
  const clusterCode = ctx.edits.findings.some((f) => f.kind === "rewritten") || ctx.v1RequestsRemain || sf.getImportDeclarations().some((d) => /^together-(clusters|ai)(\/|$)/.test(d.getModuleSpecifierValue()));
  if (!clusterCode) return;
  for (const binary of sf.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    const op = binary.getOperatorToken().getKind();
    if (![SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken].includes(op)) continue;
    if (ctx.edits.claimed(binary)) continue;
    const [left, right] = [binary.getLeft(), binary.getRight()];
    if (isUntypedStatus(left)) rewriteStatusLiteral(ctx, right, binary);
    else if (isUntypedStatus(right)) rewriteStatusLiteral(ctx, left, binary);
  }
  for (const statement of sf.getDescendantsOfKind(SyntaxKind.SwitchStatement)) {
    if (!isUntypedStatus(statement.getExpression()) || ctx.edits.claimed(statement)) continue;
    for (const clause of statement.getClauses()) {
      if (Node.isCaseClause(clause)) rewriteStatusLiteral(ctx, clause.getExpression(), clause);
    }
  }
}

/** True when a comment written by the codemod is right above `node` (used by tests and the report). */
export function hasFixmeAbove(node: Node): boolean {
  return node.getLeadingCommentRanges().some((r) => r.getText().includes(fixmeMarker));
}
