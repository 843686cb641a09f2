/**
 * Common fetch wrappers: a function of this file that takes the v1 path (and optionally a RequestInit) and sends it
 * with fetch to `<origin>/api/v1<path>`, e.g.
 *
 *   async function api(path: string, init: RequestInit = {}) {
 *     const res = await fetch(`${BASE}/api/v1${path}`, { ...init, headers });
 *     if (!res.ok) throw new Error(`${res.status}`);
 *     return res.json();
 *   }
 *
 * A call `api("/gpu_cluster", { method: "POST", body: JSON.stringify(input) })` is read as the fetch it makes. When the
 * wrapper returns the parsed answer, the call becomes the unified call; when it returns the Response, the call is
 * treated like a fetch call.
 */
import { Node, SyntaxKind, type CallExpression } from "ts-morph";
import type { FileContext } from "../context.js";
import { parts, type Part } from "./v1-url.js";

/** A recognized wrapper. */
export interface FetchWrapper {
  readonly name: string;
  /** URL parts of the wrapper's fetch, with the path parameter as the `{ expr }` at `pathIndex`. */
  readonly urlParts: readonly Part[];
  readonly pathIndex: number;
  /** Which argument of a call is the path. */
  readonly pathParameter: number;
  /** The wrapper's own fetch init (for headers), and the index of its init parameter, if any. */
  readonly fetchInit: Node | undefined;
  readonly initParameter: number | undefined;
  /** "json": the wrapper resolves to the parsed answer; "response": to the Response. */
  readonly returns: "json" | "response";
  /** The fetch call inside the wrapper (left alone). */
  readonly fetchCall: CallExpression;
}

function returnsJson(body: Node, fetchCall: CallExpression): "json" | "response" | undefined {
  const returns = body.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((r) => r.getFirstAncestorByKind(SyntaxKind.FunctionDeclaration) === body.getFirstAncestorByKind(SyntaxKind.FunctionDeclaration));
  if (returns.length !== 1) return undefined;
  const text = returns[0]!.getExpression()?.getText().replace(/\s+/g, "") ?? "";
  const fetchText = fetchCall.getText().replace(/\s+/g, "");
  if (isJsonRead(text)) return "json";
  if (text.replace(/^await/, "") === fetchText) return "response";
  const variable = /^(?:await)?(\w+)$/.exec(text)?.[1];
  if (variable === undefined) return undefined;
  // `return name`: what `name` holds decides (`const res = await fetch(…)`, or `const body = (await res.json()) as T`):
  // the declaration in scope at the return (not a same-named one in an error branch), never reassigned.
  const returned = returns[0]!;
  const declaration = body
    .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
    .filter((d) => d.getName() === variable && d.getStart() < returned.getStart() && returned.getAncestors().includes(d.getFirstAncestorOrThrow((a) => Node.isBlock(a) || a === body)))
    .at(-1);
  const reassigned = body.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((b) => b.getOperatorToken().getKind() === SyntaxKind.EqualsToken && b.getLeft().getText() === variable);
  if (declaration === undefined || reassigned) return undefined;
  const initializer = declaration.getInitializer()?.getText().replace(/\s+/g, "") ?? "";
  if (initializer.replace(/^await/, "") === fetchText) return "response";
  return isJsonRead(initializer.replace(/as[\w<>{}[\],:;|]+$/, "")) ? "json" : undefined;
}

/** `res.json()`, `await res.json()`, `(await res.json())`, `fetch(…).then((r) => r.json())`, without spaces. */
function isJsonRead(text: string): boolean {
  const bare = text.replace(/^\((.*)\)$/, "$1");
  return /^(await)?\w+\.json\(\)$/.test(bare) || /\.then\(\(?\w+\)?=>\w+\.json\(\)\)$/.test(bare) || /^\(await.*\)\.json\(\)$/.test(bare);
}

const found = new WeakMap<FileContext, Map<string, FetchWrapper>>();

/**
 * Wrappers declared in this file (function declarations and `const f = (…) => …`), read once per file: the fetch rule
 * and the leftovers rule both ask, and edits are text, so the tree they are read from does not change.
 */
export function findWrappers(ctx: FileContext): Map<string, FetchWrapper> {
  let wrappers = found.get(ctx);
  if (!wrappers) {
    wrappers = readWrappers(ctx);
    found.set(ctx, wrappers);
  }
  return wrappers;
}

function readWrappers(ctx: FileContext): Map<string, FetchWrapper> {
  const found = new Map<string, FetchWrapper>();
  const candidates: Array<{ name: string; fn: Node }> = [];
  for (const fn of ctx.sourceFile.getFunctions()) if (fn.getName()) candidates.push({ name: fn.getName()!, fn });
  for (const declaration of ctx.sourceFile.getVariableDeclarations()) {
    const init = declaration.getInitializer();
    if (init !== undefined && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) candidates.push({ name: declaration.getName(), fn: init });
  }
  for (const { name, fn } of candidates) {
    if (!Node.isFunctionDeclaration(fn) && !Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) continue;
    const fetches = fn.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => ["fetch", "globalThis.fetch"].includes(c.getExpression().getText()));
    if (fetches.length !== 1) continue;
    const fetchCall = fetches[0]!;
    const [url, init] = fetchCall.getArguments();
    if (url === undefined) continue;
    const parameters = fn.getParameters().map((p) => p.getName());
    const list = parts(url).filter((p) => !("text" in p && p.text === ""));
    const pathIndex = list.findIndex((p) => "expr" in p && Node.isIdentifier(p.expr) && parameters.includes(p.expr.getText()));
    const before = list.slice(0, pathIndex).map((p) => ("text" in p ? p.text : "\u0000")).join("");
    if (pathIndex === -1 || !before.endsWith("/api/v1") || pathIndex !== list.length - 1) continue;
    const body = Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody()) ? fn : fn.getBody();
    if (body === undefined) continue;
    const returns = Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody()) ? (/\.json\(\)\)?$/.test(fn.getBody().getText()) ? "json" : "response") : returnsJson(body, fetchCall);
    if (returns === undefined) continue;
    const initText = init?.getText() ?? "";
    const initParameter = parameters.findIndex((p, i) => i !== parameters.indexOf((list[pathIndex] as { expr: Node }).expr.getText()) && new RegExp(`\\b${p}\\b`).test(initText));
    const pathParameter = parameters.indexOf((list[pathIndex] as { expr: Node }).expr.getText());
    found.set(name, { name, urlParts: list, pathIndex, pathParameter, fetchInit: init, initParameter: initParameter === -1 ? undefined : initParameter, returns, fetchCall });
  }
  return found;
}
