/**
 * URL building for the wire client, with OpenAPI's default parameter styles: path parameters `simple` (arrays and
 * objects comma-joined), query parameters `form` exploded (`a=1&a=2`), objects in a query `deepObject` (`a[k]=v`).
 * These are the defaults openapi-fetch applies too, and test/client/serializers.test.ts holds the two equal, so the
 * URLs are the ones any openapi-fetch user of the same generated `paths` would send.
 */
type Params = Readonly<Record<string, unknown>>;

/** A path template split at `{name}`: text, name, text, ..., text. Cached: adapters use a fixed set of templates. */
const templates = new Map<string, readonly string[]>();

function split(template: string): readonly string[] {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([^{}]+)\}/);
    templates.set(template, parts);
  }
  return parts;
}

function encodeSimple(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => encodeURIComponent(item as string)).join(",");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).map(([key, item]) => `${key},${encodeURIComponent(item as string)}`).join(",");
  }
  return encodeURIComponent(value as string);
}

/** Fills every `{name}` of `template` from `params`. A missing parameter is a bug in an adapter, not user input. */
export function fillPath(template: string, params: Params | undefined): string {
  const parts = split(template);
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params?.[parts[i]!];
    if (value === undefined || value === null) throw new TypeError(`path parameter ${parts[i]} of ${template} is missing`);
    path += encodeSimple(value) + parts[i + 1]!;
  }
  return path;
}

function pair(name: string, value: unknown): string {
  if (typeof value === "object" && value !== null) throw new TypeError(`query parameter ${name}: nested arrays or objects have no default serialization`);
  return `${name}=${encodeURIComponent(value as string)}`;
}

/** The query string for `query`, with its leading `?`, or "" when every value is absent. */
export function serializeQuery(query: Params | undefined): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    let part: string;
    if (Array.isArray(value)) part = value.map((item) => pair(name, item)).join("&");
    else if (typeof value === "object") part = Object.entries(value).filter(([, item]) => item !== undefined && item !== null).map(([key, item]) => pair(`${name}[${key}]`, item)).join("&");
    else part = pair(name, value);
    if (part === "") continue;
    search += (search === "" ? "?" : "&") + part;
  }
  return search;
}
