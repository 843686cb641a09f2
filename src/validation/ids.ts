/**
 * Resource ids go into URL paths. The wire client percent-encodes them; ids that would still change the path's meaning
 * (empty, `.`, `..`) or carry control characters are refused before any request.
 */
import { ValidationError } from "../errors.js";

// Control characters have no business in an id and some servers treat them as separators.
const controlCharacter = /[\u0000-\u001f\u007f]/;
// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` can be percent-encoded into a URL. */
export function isEncodable(text: string): boolean {
  return !loneSurrogate.test(text);
}

/** Throws a ValidationError naming `what` when `id` cannot be used in a path. */
export function checkId(id: unknown, what: string): string {
  if (typeof id !== "string") throw new ValidationError([{ path: what, message: `must be a string, got ${id === null ? "null" : typeof id}` }]);
  if (id.trim() === "") throw new ValidationError([{ path: what, message: "must not be empty" }]);
  if (id === "." || id === "..") throw new ValidationError([{ path: what, message: `"${id}" is not a usable id` }]);
  if (controlCharacter.test(id)) throw new ValidationError([{ path: what, message: "must not contain control characters" }]);
  if (!isEncodable(id)) throw new ValidationError([{ path: what, message: "must be well-formed Unicode (it contains a lone surrogate)" }]);
  return id;
}
