/**
 * Resource ids go into URL paths. openapi-fetch percent-encodes them; ids that would still change the path's meaning
 * (empty, `.`, `..`) or carry control characters are refused before any request.
 */
import { ValidationError } from "../errors.js";

// Control characters have no business in an id and some servers treat them as separators.
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** Throws a ValidationError naming `what` when `id` cannot be used in a path. */
export function checkId(id: unknown, what: string): string {
  if (typeof id !== "string") throw new ValidationError([{ path: what, message: `must be a string, got ${id === null ? "null" : typeof id}` }]);
  if (id.trim() === "") throw new ValidationError([{ path: what, message: "must not be empty" }]);
  if (id === "." || id === "..") throw new ValidationError([{ path: what, message: `"${id}" is not a usable id` }]);
  if (controlCharacter.test(id)) throw new ValidationError([{ path: what, message: "must not contain control characters" }]);
  return id;
}
