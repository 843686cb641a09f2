/**
 * Runtime readers for JSON answers. Generated types say what the server should send; these check what it did send,
 * so a 200 with a missing field or a wrong type becomes an InvalidResponseError naming the field, never a TypeError
 * deep in caller code. Paths are only built when something is wrong.
 */
import { InvalidResponseError, type ResponseInfo } from "./errors.js";

declare const schemaTag: unique symbol;

/**
 * A JSON object read from the wire, tagged (at compile time only) with the generated schema type it should follow.
 * The readers below take only keys of that schema whose type fits what they read, so a field renamed, removed or
 * retyped in a spec fails `npm run typecheck` at the decoder line that reads it, naming the field.
 */
export type WireObject<Schema = unknown> = Readonly<Record<string, unknown>> & { readonly [schemaTag]?: Schema };

/** Keys of `Schema` (as strings) whose values, absent and null aside, are all of type `V`. */
export type FieldOf<Schema, V> = {
  [K in keyof Schema]-?: [Exclude<Schema[K], undefined | null>] extends [never] ? never : Exclude<Schema[K], undefined | null> extends V ? K : never;
}[keyof Schema] &
  string;

/**
 * Keys of `Schema` the spec requires whose values are all of type `V`: what the `req*` readers take, so a field the
 * spec turns optional fails at the decoder line that still insists on it, naming the field, instead of compiling and
 * failing on the first answer that leaves it out.
 */
export type RequiredFieldOf<Schema, V> = FieldOf<Schema, V> & { [K in keyof Schema]-?: {} extends Pick<Schema, K> ? never : K }[keyof Schema];

declare const bodyFieldTag: unique symbol;

/**
 * One field of a request body under a name that carries the field: a value of the wrong type (a field retyped in a
 * spec) fails with "… is not assignable to type 'BodyField<V1ClusterCreateBody, "region">'", naming it, where the
 * plain field type would say only "Type 'string' is not assignable to type 'number'". Compile time only.
 */
export type BodyField<Body, K extends keyof Body> = Body[K] & { readonly [bodyFieldTag]?: K };

/** A request body as the encoders write it, every field a {@link BodyField}; assignable to `Body` itself. */
export type EncodedBody<Body> = { [K in keyof Body]: BodyField<Body, K> };

function fail(info: ResponseInfo, path: string, expected: string, value: unknown): never {
  const got = value === "" ? "empty" : value === undefined ? "nothing" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  throw new InvalidResponseError(info, `${path || "body"} should be ${expected} but is ${got}`, path);
}

/** The value as an object, or an InvalidResponseError. */
export function asObject<Schema>(info: ResponseInfo, value: unknown, path: string): WireObject<Schema> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(info, path, "an object", value);
  return value as WireObject<Schema>;
}

/** Required string field. */
export function reqString<S>(info: ResponseInfo, o: WireObject<S>, key: RequiredFieldOf<S, string>, path: string): string {
  const v = o[key];
  if (typeof v !== "string") fail(info, `${path}/${key}`, "a string", v);
  return v;
}

/** Required non-empty string field (ids). */
export function reqNonEmptyString<S>(info: ResponseInfo, o: WireObject<S>, key: RequiredFieldOf<S, string>, path: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") fail(info, `${path}/${key}`, "a non-empty string", v);
  return v;
}

/**
 * Non-empty string the client needs although the spec marks the field optional: v1's spec comes from proto3, where
 * every field is optional, yet an answer without the id it is about is unusable. The one `req*` reader that takes
 * optional keys; each use says so by its name.
 */
export function reqNonEmptyStringOptionalInSpec<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, string>, path: string): string {
  return reqNonEmptyString(info, o as WireObject<Required<S>>, key as RequiredFieldOf<Required<S>, string>, path);
}

/** Optional string field (absent or null gives undefined). */
export function optString<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, string>, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") fail(info, `${path}/${key}`, "a string", v);
  return v;
}

/**
 * Optional string field that the spec no longer describes but older servers still send (v2 dropped `node_name`).
 * The only reader that takes any key: each use names a field on purpose, outside the spec.
 */
export function optLegacyString(info: ResponseInfo, o: WireObject<unknown>, key: string, path: string): string | undefined {
  return optString(info, o as WireObject<Readonly<Record<string, string>>>, key, path);
}

/** Required finite number field. */
export function reqNumber<S>(info: ResponseInfo, o: WireObject<S>, key: RequiredFieldOf<S, number>, path: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v)) fail(info, `${path}/${key}`, "a number", v);
  return v;
}

/** Optional finite number field. */
export function optNumber<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, number>, path: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) fail(info, `${path}/${key}`, "a number", v);
  return v;
}

/** Optional boolean field. */
export function optBoolean<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, boolean>, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") fail(info, `${path}/${key}`, "a boolean", v);
  return v;
}

/** Required boolean field. */
export function reqBoolean<S>(info: ResponseInfo, o: WireObject<S>, key: RequiredFieldOf<S, boolean>, path: string): boolean {
  const v = o[key];
  if (typeof v !== "boolean") fail(info, `${path}/${key}`, "a boolean", v);
  return v;
}

/** The key an array reader takes: one the spec requires when the reader insists on the field (`required: true`). */
type ArrayKey<S, V, Required extends boolean> = Required extends true ? RequiredFieldOf<S, V> : FieldOf<S, V>;

/** Array field mapped item by item; `required: false` turns an absent field into `[]` (proto3 JSON omits empty lists). */
export function readArray<S, T, Required extends boolean>(
  info: ResponseInfo,
  o: WireObject<S>,
  key: ArrayKey<S, readonly unknown[], Required>,
  path: string,
  required: Required,
  readItem: (item: unknown, itemPath: string) => T,
): T[] {
  const v = o[key];
  if ((v === undefined || v === null) && !required) return [];
  if (!Array.isArray(v)) fail(info, `${path}/${key}`, "an array", v);
  const out: T[] = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = readItem(v[i], `${path}/${key}/${i}`);
  return out;
}

/** Array of strings. */
export function readStrings<S, Required extends boolean>(info: ResponseInfo, o: WireObject<S>, key: ArrayKey<S, readonly string[], Required>, path: string, required: Required): string[] {
  return readArray(info, o, key as unknown as FieldOf<S, readonly unknown[]>, path, required as boolean, (item, itemPath) => {
    if (typeof item !== "string") fail(info, itemPath, "a string", item);
    return item;
  });
}
