/**
 * Static reading of a URL expression: string literals, templates, `+` and `const` identifiers are folded into text;
 * anything else stays an opaque expression. A v1 call is recognized only when method and route are fully known.
 */
import { Node, VariableDeclarationKind } from "ts-morph";
import { literalText } from "../context.js";
import { v1Origin, v1Resources, v1Routes, type V1Route } from "../tables.js";

/** Static text or an expression the codemod cannot fold. */
export type Part = { readonly text: string } | { readonly expr: Node };

function declarationInitializer(identifier: Node): Node | undefined {
  const symbol = identifier.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (declaration === undefined || !Node.isVariableDeclaration(declaration)) return undefined;
  if (declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration.getInitializer();
}

/** Folds a URL expression into text and opaque expressions. */
export function parts(node: Node, depth = 0): Part[] {
  if (depth > 8) return [{ expr: node }];
  const text = literalText(node);
  if (text !== undefined) return [{ text }];
  if (Node.isParenthesizedExpression(node)) return parts(node.getExpression(), depth + 1);
  if (Node.isTemplateExpression(node)) {
    const out: Part[] = [{ text: node.getHead().getLiteralText() }];
    for (const span of node.getTemplateSpans()) {
      out.push(...parts(span.getExpression(), depth + 1), { text: span.getLiteral().getLiteralText() });
    }
    return out;
  }
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getText() === "+") {
    return [...parts(node.getLeft(), depth + 1), ...parts(node.getRight(), depth + 1)];
  }
  if (Node.isIdentifier(node)) {
    const init = declarationInitializer(node);
    if (init !== undefined) {
      const inner = parts(init, depth + 1);
      // A const whose value is not static text (e.g. read from the environment) stays one expression: the identifier.
      return inner.length === 1 && "expr" in inner[0]! && inner[0].expr === init ? [{ expr: node }] : inner;
    }
  }
  return [{ expr: node }];
}

/** A v1 call found in a URL expression. */
export interface V1Target {
  readonly route: V1Route;
  /** Expression text of the `{id}` segment. */
  readonly id?: string;
  /** The expression that supplies the origin when it is not the default v1 origin. */
  readonly origin?: Node;
}

/** Why a URL that points at v1 could not be mapped, or undefined when it does not point at v1 at all. */
export type UrlReading = { readonly target: V1Target } | { readonly problem: string } | undefined;

/** The client percent-encodes ids itself, so an `encodeURIComponent(id)` in the old URL becomes `id`. */
function idText(expr: Node): string {
  if (Node.isCallExpression(expr) && expr.getExpression().getText() === "encodeURIComponent" && expr.getArguments().length === 1) return expr.getArguments()[0]!.getText();
  return expr.getText();
}

const placeholder = "\u0000";

/** Reads `url` (with `method`, upper case) as a v1 call. */
export function readV1Url(url: Node | readonly Part[], method: string | undefined): UrlReading {
  const list = Array.isArray(url) ? url : parts(url as Node);
  const exprs: Node[] = [];
  const flat = list.map((p) => ("text" in p ? p.text : (exprs.push(p.expr), `${placeholder}${exprs.length - 1}${placeholder}`))).join("");
  const at = flat.indexOf("/api/v1/");
  if (at === -1) return undefined;
  const originText = flat.slice(0, at);
  let origin: Node | undefined;
  if (originText !== v1Origin) {
    const m = new RegExp(`^${placeholder}(\\d+)${placeholder}$`).exec(originText);
    if (m === null) {
      if (!originText.includes(placeholder) && /^https?:\/\//.test(originText)) {
        if (!originText.includes("together")) return undefined;
      } else if (originText !== "") return { problem: "the server origin of this v1 URL is not one expression the codemod can carry over" };
    } else origin = exprs[Number(m[1])];
  }
  const path = flat.slice(at + "/api/v1/".length).replace(/\/$/, "");
  // Behind an origin that is not static text, `/api/v1/…` is Together's only when it names a v1 resource: a
  // `${GRAFANA}/api/v1/dashboards` belongs to some other API.
  if (originText === "" || origin !== undefined) {
    const resource = /^[\w]+/.exec(path)?.[0];
    if (resource === undefined || !v1Resources.has(resource)) return undefined;
  }
  if (method === undefined) return { problem: "the HTTP method is not statically known" };
  for (const route of v1Routes) {
    if (route.method !== method) continue;
    const [prefix, hasId] = route.path.endsWith("/{id}") ? [route.path.slice(0, -"{id}".length), true] : [route.path, false];
    if (!hasId) {
      if (path === prefix) return { target: { route, ...(origin ? { origin } : {}) } };
      continue;
    }
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const idMatch = new RegExp(`^${placeholder}(\\d+)${placeholder}$`).exec(rest);
    if (idMatch !== null) return { target: { route, id: idText(exprs[Number(idMatch[1])]!), ...(origin ? { origin } : {}) } };
    if (rest !== "" && !rest.includes("/") && !rest.includes(placeholder) && !rest.includes("?")) {
      return { target: { route, id: JSON.stringify(decodeURIComponent(rest)), ...(origin ? { origin } : {}) } };
    }
  }
  const shown = flat.slice(at).replace(new RegExp(`${placeholder}\\d+${placeholder}`, "g"), "${…}");
  return { problem: `${method} ${shown} is not a v1 route the codemod can map statically` };
}
