/**
 * Keeps the API key out of everything an error or a log line carries. A server may echo the key in any encoding it
 * likes, so text is scrubbed of every spelling we can predict (raw, JSON-escaped, URL-encoded) before it is parsed,
 * and parsed values are scrubbed again afterwards (which catches `\u`-escapes: JSON.parse has decoded them by then).
 */

const marker = "[redacted]";

/** Scrubs one key from text, parsed values and errors. */
export interface Redactor {
  text(value: string): string;
  /** A copy of a parsed JSON value with the key removed from every string and every object key. */
  value(value: unknown): unknown;
  /** Scrubs an error in place: message, stack, string properties and its cause chain. Returns it. */
  error<E>(error: E): E;
}

function spellings(key: string): string[] {
  const forms = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)]);
  return [...forms].filter((form) => form.length > 0);
}

/** A redactor for `key`; every method returns its input unchanged when the key is empty. */
export function createRedactor(key: string): Redactor {
  const forms = spellings(key);
  const text = (value: string): string => {
    let out = value;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(marker);
    return out;
  };
  const value = (input: unknown): unknown => {
    if (typeof input === "string") return text(input);
    if (Array.isArray(input)) return input.map(value);
    if (input !== null && typeof input === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(input)) Object.defineProperty(out, text(k), { value: value(v), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return input;
  };
  const seen = new WeakSet<object>();
  const error = <E>(input: E): E => {
    if (!(input instanceof Error) || seen.has(input)) return input;
    seen.add(input);
    const target = input as Error & Record<string, unknown>;
    // `stack` is an accessor on some engines; it is rewritten through the property either way.
    if (typeof target.stack === "string") {
      try {
        target.stack = text(target.stack);
      } catch {
        // a read-only stack cannot carry a new key either
      }
    }
    for (const name of Object.getOwnPropertyNames(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name);
      if (descriptor === undefined || !("value" in descriptor) || !descriptor.writable) continue;
      const current: unknown = descriptor.value;
      if (typeof current === "string") target[name] = text(current);
      else if (current instanceof Error) error(current);
      else if (name === "body" || name === "errors") target[name] = value(current);
    }
    return input;
  };
  if (key === "") return { text: (v) => v, value: (v) => v, error: (e) => e };
  return { text, value, error };
}
