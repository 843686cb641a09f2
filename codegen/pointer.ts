/** JSON pointers in URI-fragment form (`#/a/b~1c`), the only `$ref` form the vendored specs use. */

/** Splits `#/components/schemas/A~1B` into `["components", "schemas", "A/B"]`. */
export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "") return [];
  if (!body.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return body
    .slice(1)
    .split("/")
    .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Inverse of parsePointer; escapes `~` and `/` only, so pointers stay readable in messages. */
export function toPointer(tokens: readonly (string | number)[]): string {
  if (tokens.length === 0) return "#";
  return "#/" + tokens.map((t) => String(t).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

/** Appends tokens to a pointer. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  const tail = toPointer(tokens).slice(1);
  return pointer === "#" ? `#${tail}` : `${pointer}${tail}`;
}

/** Looks a pointer up in a plain JSON value; undefined when any step is missing. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isRecord(current) && Object.hasOwn(current, token)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A plain (non-array, non-null) object, as YAML mappings become after `toJS`. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
