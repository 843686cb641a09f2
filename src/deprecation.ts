/**
 * Deprecation signals. A v1 client emits one process-wide `DeprecationWarning` (code TOGETHER_CLUSTERS_V1), so Node's
 * standard switches (`--no-deprecation`, `--throw-deprecation`, `--trace-deprecation`) apply. Answers carrying a
 * `Deprecation` header (RFC 9745, `@<epoch seconds>`) or `Sunset` header (RFC 8594, an HTTP-date), with their
 * `Link rel="deprecation"` / `rel="sunset"` pages, are reported once per route through `onDeprecation`.
 *
 * The header parser is pure; {@link deprecationMiddleware} is the openapi-fetch `Middleware` `client.raw` runs, and the
 * unified calls report through {@link reportDeprecation} (src/adapters/decode.ts); routes are named by the spec's path
 * template either way.
 */
import type { Middleware } from "openapi-fetch";
import type { ApiVersion } from "./types.js";

/** What the server said about one route. */
export interface DeprecationNotice {
  /** `METHOD /path/template` as in the spec. */
  readonly route: string;
  /** When the route was (or will be) deprecated (`Deprecation` header). */
  readonly deprecatedAt?: Date | undefined;
  /** When the route stops working (`Sunset` header). */
  readonly sunsetAt?: Date | undefined;
  /** `Link` targets with rel="deprecation" and rel="sunset". */
  readonly links: { readonly deprecation?: string; readonly sunset?: string };
  /** True when the sunset date has passed at the time of the answer. */
  readonly pastSunset: boolean;
  /** One human sentence, used by the default warning. */
  readonly message: string;
}

/** Receives each route's notice once; `false` silences deprecation reporting (and the v1 warning). */
export type DeprecationHandler = (notice: DeprecationNotice) => void;

/** The header values of one answer, parsed; undefined when it carries neither header. */
export function parseDeprecationHeaders(headers: Headers): { deprecatedAt?: Date; sunsetAt?: Date; links: { deprecation?: string; sunset?: string } } | undefined {
  const deprecation = headers.get("deprecation");
  const sunset = headers.get("sunset");
  if (deprecation === null && sunset === null) return undefined;
  const out: { deprecatedAt?: Date; sunsetAt?: Date; links: { deprecation?: string; sunset?: string } } = { links: parseLinks(headers.get("link") ?? "") };
  // RFC 9745: a Structured Field Date, "@" followed by integer seconds since the epoch.
  const at = deprecation === null ? null : /^\s*@(-?\d{1,15})\s*$/.exec(deprecation);
  if (at !== null) out.deprecatedAt = new Date(Number(at[1]) * 1000);
  const sunsetMs = sunset === null ? Number.NaN : Date.parse(sunset);
  if (!Number.isNaN(sunsetMs)) out.sunsetAt = new Date(sunsetMs);
  return out;
}

/** `Link: <url>; rel="deprecation", <url>; rel="sunset"` → the two targets (RFC 8288, the parts used here). */
function parseLinks(value: string): { deprecation?: string; sunset?: string } {
  const links: { deprecation?: string; sunset?: string } = {};
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? "")?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (rel.includes("deprecation")) links.deprecation ??= match[1];
    if (rel.includes("sunset")) links.sunset ??= match[1];
  }
  return links;
}

function describe(route: string, parsed: NonNullable<ReturnType<typeof parseDeprecationHeaders>>, pastSunset: boolean): string {
  const parts = [`${route} is deprecated by the server`];
  if (parsed.deprecatedAt) parts[0] += ` (since ${parsed.deprecatedAt.toISOString()})`;
  if (parsed.sunsetAt) parts.push(pastSunset ? `its sunset date ${parsed.sunsetAt.toUTCString()} has passed: it may stop working at any time` : `it stops working after ${parsed.sunsetAt.toUTCString()}`);
  const link = parsed.links.deprecation ?? parsed.links.sunset;
  if (link) parts.push(`see ${link}`);
  return `${parts.join("; ")}.`;
}

/** The default handler: a DeprecationWarning per route. */
export const warnDeprecation: DeprecationHandler = (notice) => {
  emitDeprecation(notice.message, notice.pastSunset ? "TOGETHER_CLUSTERS_PAST_SUNSET" : "TOGETHER_CLUSTERS_DEPRECATED_ROUTE");
};

/** Node's warning channel (so --no-deprecation and --throw-deprecation apply); browsers and Deno without it: console. */
function emitDeprecation(message: string, code: string): void {
  const emitWarning = globalThis.process?.emitWarning;
  if (typeof emitWarning === "function") emitWarning.call(globalThis.process, message, { type: "DeprecationWarning", code });
  else console.warn(`DeprecationWarning [${code}]: ${message}`);
}

/** Where a client's answers report what their headers say about their route (once per route). */
export type DeprecationReport = (route: string, headers: Headers) => void;

/** Reports each route once per reporter (one per client). */
export function createDeprecationReporter(handler: DeprecationHandler = warnDeprecation, now: () => number = Date.now): DeprecationReport {
  const seen = new Set<string>();
  return (route, headers) => {
    if (seen.has(route)) return;
    const parsed = parseDeprecationHeaders(headers);
    if (parsed === undefined) return;
    seen.add(route);
    const pastSunset = parsed.sunsetAt !== undefined && parsed.sunsetAt.getTime() <= now();
    handler({ route, ...parsed, pastSunset, message: describe(route, parsed, pastSunset) });
  };
}

/** Hands an answer to `report` under `METHOD /path/template` when it carries either header. */
export function reportDeprecation(report: DeprecationReport, method: string, schemaPath: string, headers: Headers): void {
  // Nearly every answer carries neither header: test that before building the route name.
  if (!headers.has("deprecation") && !headers.has("sunset")) return;
  report(`${method.toUpperCase()} ${schemaPath}`, headers);
}

/** An openapi-fetch Middleware that reports deprecation headers by the operation's path template. */
export function deprecationMiddleware(report: DeprecationReport): Middleware {
  return {
    onResponse({ request, response, schemaPath }) {
      reportDeprecation(report, request.method, schemaPath, response.headers);
      return undefined;
    },
  };
}

let v1Warned = false;

/** The one process-wide warning that API v1 is deprecated (from the first v1 client created). */
export function warnV1Client(version: ApiVersion): void {
  if (version !== "v1" || v1Warned) return;
  v1Warned = true;
  emitDeprecation("together-clusters: API v1 is deprecated; move to apiVersion \"v2\" (npx together-clusters migrate, then compareBackends to check). See docs/migration.md.", "TOGETHER_CLUSTERS_V1");
}
