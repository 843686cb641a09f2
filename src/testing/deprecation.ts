/** An instant, as a `Date`, epoch milliseconds, or a string `Date.parse` reads (ISO 8601, HTTP-date). */
export type FakeInstant = Date | number | string;

/** What the fake says about a deprecated route. Give `deprecatedAt`, `sunsetAt`, or both. */
export interface DeprecationSignal {
  /** Sent as `Deprecation: @<epoch seconds>` (RFC 9745). */
  readonly deprecatedAt?: FakeInstant | undefined;
  /** Sent as `Sunset: <HTTP-date>` (RFC 8594). */
  readonly sunsetAt?: FakeInstant | undefined;
  /** Sent as `Link: <url>; rel="deprecation"`: a page about the deprecation. */
  readonly deprecationLink?: string | undefined;
  /** Sent as `Link: <url>; rel="sunset"`: a page about the sunset. */
  readonly sunsetLink?: string | undefined;
}

/**
 * Which routes announce their deprecation. `v1` / `v2` cover every route of that version; `routes` set single
 * routes (`"METHOD /template"` as in fault specs, e.g. `"PUT /api/v1/gpu_cluster"`) and take precedence. Default:
 * no route sends anything.
 */
export interface FakeDeprecationOptions {
  readonly v1?: DeprecationSignal | undefined;
  readonly v2?: DeprecationSignal | undefined;
  readonly routes?: Readonly<Record<string, DeprecationSignal>> | undefined;
}

/** Absolute http(s) URL with nothing that could end the `<…>` of a Link or the header line. */
const SAFE_LINK = /^https?:\/\/[^\s<>"\u0000-\u001f\u007f]+$/;

/** The deprecation headers each route sends, computed once at start. */
export class DeprecationPlan {
  readonly #byRoute = new Map<string, Readonly<Record<string, string>>>();

  /** @param routes every route the fake serves, by version, as `"METHOD /template"`. */
  constructor(options: FakeDeprecationOptions | undefined, routes: { readonly v1: readonly string[]; readonly v2: readonly string[] }) {
    if (options === undefined) return;
    if (typeof options !== "object" || options === null) throw new TypeError("startFakeApi: deprecation must be an object { v1?, v2?, routes? }");
    for (const version of ["v1", "v2"] as const) {
      const signal = options[version];
      if (signal === undefined) continue;
      const headers = headersOf(signal, `deprecation.${version}`);
      for (const route of routes[version]) this.#byRoute.set(route, headers);
    }
    const known = new Set([...routes.v1, ...routes.v2]);
    for (const [route, signal] of Object.entries(options.routes ?? {})) {
      if (!known.has(route)) {
        throw new TypeError(`startFakeApi: deprecation.routes[${JSON.stringify(route)}] is not a route the fake serves; use one of: ${[...known].join(", ")}`);
      }
      this.#byRoute.set(route, headersOf(signal, `deprecation.routes[${JSON.stringify(route)}]`));
    }
  }

  /** Headers for every answer on `route` (`"METHOD /template"`); empty when it is not deprecated. */
  headersFor(route: string): Readonly<Record<string, string>> {
    return this.#byRoute.get(route) ?? {};
  }
}

function headersOf(signal: DeprecationSignal, where: string): Readonly<Record<string, string>> {
  if (typeof signal !== "object" || signal === null || (signal.deprecatedAt === undefined && signal.sunsetAt === undefined)) {
    throw new TypeError(`startFakeApi: ${where} needs deprecatedAt, sunsetAt or both`);
  }
  const headers: Record<string, string> = {};
  if (signal.deprecatedAt !== undefined) headers.deprecation = `@${Math.floor(instant(signal.deprecatedAt, `${where}.deprecatedAt`) / 1000)}`;
  if (signal.sunsetAt !== undefined) headers.sunset = new Date(instant(signal.sunsetAt, `${where}.sunsetAt`)).toUTCString();
  const link: string[] = [];
  for (const [url, rel] of [
    [signal.deprecationLink, "deprecation"],
    [signal.sunsetLink, "sunset"],
  ] as const) {
    if (url === undefined) continue;
    if (typeof url !== "string" || !SAFE_LINK.test(url)) throw new TypeError(`startFakeApi: ${where}.${rel}Link must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
    link.push(`<${url}>; rel="${rel}"; type="text/html"`);
  }
  if (link.length > 0) headers.link = link.join(", ");
  return headers;
}

const LAST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** Epoch ms of a {@link FakeInstant}; a TypeError naming `where` for anything that is not a real instant. */
function instant(value: FakeInstant, where: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
  // The header forms (epoch seconds, a four-digit-year HTTP-date) need an instant from 1970 to 9999.
  if (!Number.isFinite(ms) || ms < 0 || ms > LAST_INSTANT_MS) throw new TypeError(`startFakeApi: ${where} must be a Date, epoch milliseconds or a date string, got ${String(value)}`);
  return ms;
}
