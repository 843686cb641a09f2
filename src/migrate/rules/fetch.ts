/**
 * Raw `fetch` calls to v1 routes → calls of the unified client on v2. The common response shapes are carried over:
 * `await (await fetch(…)).json()`, `fetch(…).then((r) => r.json())`, `const res = await fetch(…); [if (!res.ok) throw …;]
 * … await res.json()`, and a bare `await fetch(…)`. A v1 list answer `{ clusters: [...] }` keeps its envelope, so the
 * code that reads `.clusters` still works. Anything else is flagged.
 */
import { Node, SyntaxKind, type CallExpression, type ObjectLiteralExpression } from "ts-morph";
import { literalText, type ClientSettings, type FileContext } from "../context.js";
import { defaultBaseUrls } from "../../client.js";
import { v1Origin, type V1Route } from "../tables.js";
import { usesInScope } from "../references.js";
import { parts, readV1Url, type Part, type V1Target } from "./v1-url.js";
import { findWrappers } from "./wrappers.js";
import { rewriteClusterInput, rewriteVolumeInput } from "./vocabulary.js";

const fetchNames = new Set(["fetch", "globalThis.fetch", "window.fetch", "self.fetch"]);

/** The object literal an expression is, or the initializer of the `const` it names. */
export function objectLiteralOf(node: Node | undefined): ObjectLiteralExpression | undefined {
  if (node === undefined) return undefined;
  if (Node.isObjectLiteralExpression(node)) return node;
  if (Node.isIdentifier(node)) {
    const declaration = node.getSymbol()?.getDeclarations()[0];
    if (declaration !== undefined && Node.isVariableDeclaration(declaration)) {
      const init = declaration.getInitializer();
      if (init !== undefined && Node.isObjectLiteralExpression(init)) return init;
    }
  }
  return undefined;
}

export function property(obj: ObjectLiteralExpression | undefined, name: string): Node | undefined {
  const p = obj?.getProperty((prop) => (Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop)) && (prop.getName() === name || prop.getName() === JSON.stringify(name)));
  if (p === undefined) return undefined;
  return Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : undefined;
}

function methodOf(init: Node | undefined): string | undefined {
  if (init === undefined) return "GET";
  const obj = objectLiteralOf(init);
  if (obj === undefined) return undefined;
  const method = property(obj, "method");
  if (method === undefined) return "GET";
  return literalText(method)?.toUpperCase();
}

const defaultKey = /^process\.env(\.TOGETHER_API_KEY|\[["']TOGETHER_API_KEY["']\])$/;

function isModuleLevel(identifier: Node): Node | undefined {
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isVariableDeclaration(declaration)) return undefined;
  const statement = declaration.getVariableStatement();
  return statement !== undefined && Node.isSourceFile(statement.getParent()) ? statement : undefined;
}

/** apiKey and baseUrl for a client that replaces this fetch, or the reason they cannot be carried over. */
function settingsOf(init: Node | undefined, target: V1Target): { settings: ClientSettings } | { problem: string } {
  const settings: ClientSettings = { after: [] };
  const headers = objectLiteralOf(property(objectLiteralOf(init), "headers"));
  const auth = property(headers, "Authorization") ?? property(headers, "authorization");
  if (auth !== undefined) {
    let key: Node | undefined;
    if (Node.isTemplateExpression(auth) && auth.getHead().getLiteralText() === "Bearer " && auth.getTemplateSpans().length === 1 && auth.getTemplateSpans()[0]!.getLiteral().getLiteralText() === "") {
      key = auth.getTemplateSpans()[0]!.getExpression();
    } else if (Node.isBinaryExpression(auth) && literalText(auth.getLeft()) === "Bearer ") key = auth.getRight();
    if (key === undefined) return { problem: "the Authorization header is not `Bearer ${key}`; pass apiKey to createClient" };
    const text = key.getText();
    if (!defaultKey.test(text)) {
      if (/^process\.env\b/.test(text)) settings.apiKey = text;
      else if (Node.isIdentifier(key) && isModuleLevel(key)) {
        settings.apiKey = text;
        settings.after.push(isModuleLevel(key)!);
      } else return { problem: `the API key ${text} is local to this code; create the client with createClient({ apiVersion: "v2", apiKey: ${text} }) where it is known` };
    }
  }
  if (target.origin !== undefined) {
    const origin = target.origin;
    const init = Node.isIdentifier(origin) ? (origin.getSymbol()?.getDeclarations()[0] as Node | undefined) : undefined;
    const value = init !== undefined && Node.isVariableDeclaration(init) ? init.getInitializer() : origin;
    if (value !== undefined && Node.isBinaryExpression(value) && ["??", "||"].includes(value.getOperatorToken().getText()) && literalText(value.getRight())?.replace(/\/$/, "") === v1Origin) {
      settings.baseUrl = `${value.getLeft().getText()} ${value.getOperatorToken().getText()} ${JSON.stringify(defaultBaseUrls.v2)}`;
    } else if (/^process\.env\b/.test(origin.getText())) settings.baseUrl = origin.getText();
    else return { problem: `the v1 server origin comes from ${origin.getText()}; set baseUrl of the v2 client to the v2 server root (${defaultBaseUrls.v2})` };
  }
  return { settings };
}

/** The unified call text, or a reason it cannot be built. */
function callText(ctx: FileContext, client: string, route: V1Route, target: V1Target, init: Node | undefined): string | { problem: string } {
  const method = `${client}.${route.call}`;
  if (route.args === "none") return `${method}()`;
  if (route.args === "id") return `${method}(${target.id})`;
  const body = property(objectLiteralOf(init), "body");
  if (body === undefined || !Node.isCallExpression(body) || body.getExpression().getText() !== "JSON.stringify" || body.getArguments().length !== 1) {
    return { problem: "the request body is not JSON.stringify(<object>)" };
  }
  const value = body.getArguments()[0]!;
  const obj = objectLiteralOf(value);
  if (route.args === "body") {
    if (obj !== undefined) {
      if (route.call === "clusters.create") rewriteClusterInput(ctx, obj, "create");
      else rewriteVolumeInput(ctx, obj);
    }
    return `${method}(${ctx.edits.render(value)})`;
  }
  return updateCall(ctx, method, obj === value ? obj : undefined, "cluster_id");
}

/**
 * `update({ cluster_id, …rest })` (v1's body and an old SDK signature) → `update(cluster_id, { …rest })`: removes the
 * id property from the literal and renders the rest.
 */
export function updateCall(ctx: FileContext, method: string, obj: ObjectLiteralExpression | undefined, idName: "cluster_id" | "volume_id"): string | { problem: string } {
  if (obj === undefined) return { problem: `the update body is not an object literal with ${idName}` };
  const idProperty = obj.getProperty(idName);
  const id = property(obj, idName);
  if (idProperty === undefined || id === undefined) return { problem: `the update body has no ${idName}` };
  const properties = obj.getProperties();
  const index = properties.indexOf(idProperty);
  const next = properties[index + 1];
  const previous = properties[index - 1];
  if (next !== undefined) ctx.edits.replaceRange(idProperty.getStart(), next.getStart(), "");
  else if (previous !== undefined) ctx.edits.replaceRange(previous.getEnd(), idProperty.getEnd(), "");
  else ctx.edits.replace(idProperty, "");
  if (idName === "cluster_id") rewriteClusterInput(ctx, obj, "update");
  return `${method}(${id.getText()}, ${ctx.edits.render(obj)})`;
}

export function awaited(route: Pick<V1Route, "envelope">, call: string): string {
  return route.envelope ? `{ ${route.envelope}: await ${call} }` : `await ${call}`;
}

export function promised(route: Pick<V1Route, "envelope">, call: string): string {
  return route.envelope ? `${call}.then((${route.envelope}) => ({ ${route.envelope} }))` : call;
}

function isJsonCall(node: Node | undefined): node is CallExpression {
  return node !== undefined && Node.isCallExpression(node) && node.getArguments().length === 0 && Node.isPropertyAccessExpression(node.getExpression()) && node.getExpression().asKindOrThrow(SyntaxKind.PropertyAccessExpression).getName() === "json";
}

function unwrap(node: Node): Node {
  let parent = node.getParentOrThrow();
  while (Node.isParenthesizedExpression(parent)) parent = parent.getParentOrThrow();
  return parent;
}

/**
 * A v1 answer stored under the caller's own type (`const c: V1Cluster = await …`) now holds a unified value: the
 * annotation would no longer fit, so it goes and the client's type applies.
 */
function dropAnswerAnnotation(ctx: FileContext, awaited: Node): void {
  const declaration = unwrap(awaited);
  if (!Node.isVariableDeclaration(declaration)) return;
  const type = declaration.getTypeNode();
  if (type === undefined) return;
  ctx.edits.replaceRange(declaration.getNameNode().getEnd(), type.getEnd(), "");
  ctx.edits.note(declaration, `dropped the annotation ${type.getText()}: the variable now holds the unified client's answer`);
}

/** Replaces a `.json()` call (awaited or not) with the unified answer. */
function replaceJson(ctx: FileContext, json: CallExpression, route: V1Route, call: string): void {
  const outer = unwrap(json);
  if (Node.isAwaitExpression(outer)) {
    ctx.edits.replace(outer, awaited(route, call));
    dropAnswerAnnotation(ctx, outer);
  } else ctx.edits.replace(json, promised(route, call));
}

/** `if (!res.ok) throw …` (or a block that only throws). */
function isOkGuard(statement: Node | undefined, res: string): boolean {
  if (statement === undefined || !Node.isIfStatement(statement) || statement.getElseStatement() !== undefined) return false;
  const condition = statement.getExpression().getText().replace(/\s+/g, "");
  if (condition !== `!${res}.ok`) return false;
  const then = statement.getThenStatement();
  const body = Node.isBlock(then) ? then.getStatements() : [then];
  return body.length >= 1 && Node.isThrowStatement(body.at(-1)!);
}

type Apply = (call: string) => void;

/** How the answer of one fetch call is consumed: a function that rewrites it, or why it cannot be carried over. */
function planShape(ctx: FileContext, fetchCall: CallExpression, route: V1Route): Apply | string {
  const parent = unwrap(fetchCall);
  if (Node.isAwaitExpression(parent)) {
    const above = unwrap(parent);
    if (Node.isPropertyAccessExpression(above) && above.getName() === "json" && isJsonCall(above.getParent())) {
      return (call) => replaceJson(ctx, above.getParent() as CallExpression, route, call);
    }
    if (Node.isExpressionStatement(above)) {
      return (call) => {
        ctx.edits.replace(parent, `await ${call}`);
        ctx.edits.note(fetchCall, "fetch resolved on any HTTP status; the client rejects with ApiError on a non-2xx answer");
      };
    }
    if (Node.isVariableDeclaration(above) && Node.isIdentifier(above.getNameNode())) {
      const statement = above.getVariableStatement();
      const block = statement?.getParent();
      if (statement === undefined || statement.getDeclarations().length !== 1 || block === undefined || !(Node.isBlock(block) || Node.isSourceFile(block))) {
        return "the Response is stored in a way the codemod does not follow";
      }
      const res = above.getName();
      const statements = block.getStatements();
      const at = statements.indexOf(statement);
      let next = statements[at + 1];
      const guard = isOkGuard(next, res) ? next : undefined;
      if (guard !== undefined) next = statements[at + 2];
      const uses = usesInScope(above.getNameNode().asKindOrThrow(SyntaxKind.Identifier), block).filter((n) => !(guard !== undefined && n.getStart() >= guard.getStart() && n.getEnd() <= guard.getEnd()));
      const json = uses.length === 1 ? uses[0]!.getParent()?.getParent() : undefined;
      if (json === undefined || !isJsonCall(json) || next === undefined || !(json.getStart() >= next.getStart() && json.getEnd() <= next.getEnd())) {
        return `the Response ${res} is used for more than ${guard ? "an ok check and " : ""}one .json() in the next statement (e.g. status or headers); port this call by hand`;
      }
      return (call) => {
        ctx.edits.removeStatement(statement);
        if (guard !== undefined) {
          ctx.edits.removeStatement(guard);
          ctx.edits.note(fetchCall, `the ${"`"}if (!${res}.ok) throw${"`"} check is gone: the client rejects with ApiError (status, requestId, body) on a non-2xx answer`);
        }
        replaceJson(ctx, json, route, call);
      };
    }
    return "the Response object itself is used; the client returns the parsed answer instead";
  }
  if (Node.isPropertyAccessExpression(parent) && parent.getName() === "then") {
    const then = parent.getParent();
    const callback = Node.isCallExpression(then) && then.getArguments().length === 1 ? then.getArguments()[0] : undefined;
    if (callback !== undefined && (Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) && callback.getParameters().length === 1) {
      const param = callback.getParameters()[0]!.getName();
      const body = callback.getBody().getText().replace(/\s+/g, "");
      if (body === `${param}.json()` || body === `{return${param}.json();}`) return (call) => ctx.edits.replace(then as Node, promised(route, call));
    }
  }
  return "the Response object itself is used; the client returns the parsed answer instead";
}

/** One v1 request site: a fetch call, or a call of a fetch wrapper of this file. */
interface Site {
  readonly call: CallExpression;
  readonly url: Node | readonly Part[];
  /** The init that carries method and body. */
  readonly init: Node | undefined;
  /** The init that carries the headers (the wrapper's own, for a wrapper call). */
  readonly headersInit: Node | undefined;
  /** How the answer comes back from the call. */
  readonly returns: "json" | "response";
}

function sitesOf(ctx: FileContext): Site[] {
  const wrappers = findWrappers(ctx);
  const inside = new Set([...wrappers.values()].map((w) => w.fetchCall));
  const sites: Site[] = [];
  for (const call of ctx.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression().getText();
    const args = call.getArguments();
    if (fetchNames.has(callee) && !inside.has(call) && args[0] !== undefined) {
      sites.push({ call, url: args[0], init: args[1], headersInit: args[1], returns: "response" });
      continue;
    }
    const wrapper = wrappers.get(callee);
    const path = wrapper === undefined ? undefined : args[wrapper.pathParameter];
    if (wrapper === undefined || path === undefined) continue;
    const url = [...wrapper.urlParts.slice(0, wrapper.pathIndex), ...parts(path)];
    const init = wrapper.initParameter === undefined ? wrapper.fetchInit : args[wrapper.initParameter];
    sites.push({ call, url, init, headersInit: wrapper.fetchInit, returns: wrapper.returns });
  }
  return sites;
}

/** A wrapper call that resolves to the parsed answer: the call itself becomes the unified call. */
function planJson(ctx: FileContext, call: CallExpression, route: V1Route): Apply {
  return (text) => {
    const parent = unwrap(call);
    if (Node.isAwaitExpression(parent)) {
      ctx.edits.replace(parent, awaited(route, text));
      dropAnswerAnnotation(ctx, parent);
    } else ctx.edits.replace(call, promised(route, text));
  };
}

/** Rewrites every recognized v1 fetch (direct or through a wrapper of this file). */
export function rewriteFetches(ctx: FileContext): void {
  for (const site of sitesOf(ctx)) {
    const fetchCall = site.call;
    if (ctx.edits.claimed(fetchCall)) continue;
    const { init } = site;
    const reading = readV1Url(site.url, methodOf(init));
    if (reading === undefined) continue;
    if ("problem" in reading) {
      ctx.v1RequestsRemain = true;
      ctx.edits.fixme(fetchCall, `v1 request not rewritten: ${reading.problem}. Call the unified client instead (see docs/migration.md).`);
      continue;
    }
    const { target } = reading;
    const settings = settingsOf(site.headersInit, target);
    if ("problem" in settings) {
      ctx.v1RequestsRemain = true;
      ctx.edits.fixme(fetchCall, `v1 request not rewritten: ${settings.problem}.`);
      continue;
    }
    const client = ctx.clientFor(fetchCall);
    const plan = site.returns === "json" ? planJson(ctx, fetchCall, target.route) : planShape(ctx, fetchCall, target.route);
    const call = typeof plan === "string" ? { problem: plan } : callText(ctx, client, target.route, target, init);
    if (typeof call !== "string") {
      ctx.v1RequestsRemain = true;
      ctx.edits.fixme(fetchCall, `v1 ${target.route.method} /api/v1/${target.route.path} not rewritten: ${call.problem}; use ${client}.${target.route.call}(…).`);
      continue;
    }
    (plan as Apply)(call);
    ctx.useClient(fetchCall, settings.settings);
    ctx.edits.rewritten(fetchCall, `${target.route.method} /api/v1/${target.route.path} → ${client}.${target.route.call}() (${target.route.v2})`);
  }
}
