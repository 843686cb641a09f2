/**
 * Runtime readers for JSON answers. Generated types say what the server should send; these check what it did send,
 * so a 200 with a missing field or a wrong type becomes an InvalidResponseError naming the field, never a TypeError
 * deep in caller code. Paths are only built when something is wrong.
 */
import { InvalidResponseError, type ResponseInfo } from "./errors.js";

/** A JSON object read from the wire. */
export type WireObject = Readonly<Record<string, unknown>>;

function fail(info: ResponseInfo, path: string, expected: string, value: unknown): never {
  const got = value === "" ? "empty" : value === undefined ? "nothing" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  throw new InvalidResponseError(info, `${path || "body"} should be ${expected} but is ${got}`, path);
}

/** The value as an object, or an InvalidResponseError. */
export function asObject(info: ResponseInfo, value: unknown, path: string): WireObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(info, path, "an object", value);
  return value as WireObject;
}

/** Required string field. */
export function reqString(info: ResponseInfo, o: WireObject, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string") fail(info, `${path}/${key}`, "a string", v);
  return v;
}

/** Required non-empty string field (ids). */
export function reqNonEmptyString(info: ResponseInfo, o: WireObject, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") fail(info, `${path}/${key}`, "a non-empty string", v);
  return v;
}

/** Optional string field (absent or null gives undefined). */
export function optString(info: ResponseInfo, o: WireObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") fail(info, `${path}/${key}`, "a string", v);
  return v;
}

/** Required finite number field. */
export function reqNumber(info: ResponseInfo, o: WireObject, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v)) fail(info, `${path}/${key}`, "a number", v);
  return v;
}

/** Optional finite number field. */
export function optNumber(info: ResponseInfo, o: WireObject, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) fail(info, `${path}/${key}`, "a number", v);
  return v;
}

/** Optional boolean field. */
export function optBoolean(info: ResponseInfo, o: WireObject, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") fail(info, `${path}/${key}`, "a boolean", v);
  return v;
}

/** Required boolean field. */
export function reqBoolean(info: ResponseInfo, o: WireObject, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== "boolean") fail(info, `${path}/${key}`, "a boolean", v);
  return v;
}

/** Array field mapped item by item; `required: false` turns an absent field into `[]` (proto3 JSON omits empty lists). */
export function readArray<T>(
  info: ResponseInfo,
  o: WireObject,
  key: string,
  path: string,
  required: boolean,
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
export function readStrings(info: ResponseInfo, o: WireObject, key: string, path: string, required: boolean): string[] {
  return readArray(info, o, key, path, required, (item, itemPath) => {
    if (typeof item !== "string") fail(info, itemPath, "a string", item);
    return item;
  });
}
