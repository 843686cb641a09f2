/**
 * Path and query serializers for openapi-fetch. Its defaults re-scan the path template with a regex and build a new
 * query serializer on every call; these cache each template's split and handle the plain values this client sends,
 * handing anything else (arrays, objects, label/matrix styles) to openapi-fetch's own serializers, so the URLs are
 * the same as openapi-fetch's defaults would build.
 */
type Params = Record<string, unknown>;

/** openapi-fetch's own serializers, handed in by the adapters (the only modules that import openapi-fetch). */
export interface DefaultSerializers {
  readonly defaultPathSerializer: (template: string, params: Params) => string;
  readonly createQuerySerializer: () => (query: Params) => string;
}

/** openapi-fetch serializer options: fast paths for plain values, openapi-fetch's defaults for everything else. */
export interface Serializers {
  readonly pathSerializer: (template: string, params: Params) => string;
  readonly querySerializer: (query: Params) => string;
}

/** A path template split at `{name}` (text, name, text, ..., text); `simple` when every name is plain simple style. */
interface Template {
  readonly parts: readonly string[];
  readonly simple: boolean;
}

const templates = new Map<string, Template>();
const maxTemplates = 512;

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function split(template: string): Template {
  const parts = template.split(/\{([^{}]+)\}/);
  return { parts, simple: parts.every((part, i) => i % 2 === 0 || !/^[.;]|\*$/.test(part)) };
}

/** openapi-fetch `pathSerializer`: fills `{name}` segments (simple style) with URI-encoded values. */
function serializePath(template: string, params: Params, fallback: DefaultSerializers["defaultPathSerializer"]): string {
  let cached = templates.get(template);
  if (cached === undefined) {
    // The template includes the base URL, which is per client; clearing keeps the cache bounded however many there are.
    if (templates.size >= maxTemplates) templates.clear();
    cached = split(template);
    templates.set(template, cached);
  }
  const { parts } = cached;
  if (!cached.simple) return fallback(template, params);
  let url = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]!];
    if (!isPlain(value)) return fallback(template, params);
    url += encodeURIComponent(value) + parts[i + 1]!;
  }
  return url;
}

/** openapi-fetch `querySerializer`: `name=value` pairs of plain values, skipping absent ones. */
function serializeQuery(query: Params, fallback: (query: Params) => string): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    if (!isPlain(value)) return fallback(query);
    search += `${search === "" ? "" : "&"}${name}=${encodeURIComponent(value)}`;
  }
  return search;
}

/** Builds the `pathSerializer` and `querySerializer` options, falling back to `defaults` for non-plain values. */
export function fastSerializers(defaults: DefaultSerializers): Serializers {
  const { defaultPathSerializer } = defaults;
  const defaultQuerySerializer = defaults.createQuerySerializer();
  return {
    pathSerializer: (template, params) => serializePath(template, params, defaultPathSerializer),
    querySerializer: (query) => serializeQuery(query, defaultQuerySerializer),
  };
}
