import { Location, type DiffContext } from "./context.js";
import { compareDocs, mediaTypeDocKeys, responseDocKeys } from "./docs.js";
import type { OperationAt } from "./operations.js";
import { isObject, resolve } from "./refs.js";
import { compareSchema } from "./schemas.js";
import type { Direction, JsonObject } from "./types.js";

interface BodyAt {
  readonly node: JsonObject;
  readonly pointer: string;
  readonly mediaType?: string;
}

/** The body's JSON media type (or its only/first one): the one the generated client serializes. */
function pickMediaType(node: JsonObject): string | undefined {
  if (!isObject(node.content)) return undefined;
  const types = Object.keys(node.content);
  return types.find((t) => t === "application/json") ?? types.find((t) => t.endsWith("+json")) ?? types[0];
}

function bodyAt(doc: JsonObject, raw: unknown, pointer: string, side: string): BodyAt | undefined {
  if (raw === undefined) return undefined;
  const { node, pointer: resolvedPointer } = resolve(doc, raw, pointer, side);
  const mediaType = pickMediaType(node);
  return mediaType === undefined ? { node, pointer: resolvedPointer } : { node, pointer: resolvedPointer, mediaType };
}

export function compareRequestBody(ctx: DiffContext, oldOp: OperationAt, newOp: OperationAt, here: Location): void {
  const before = bodyAt(ctx.oldDoc, oldOp.operation.requestBody, `${oldOp.pointer}/requestBody`, "old");
  const after = bodyAt(ctx.newDoc, newOp.operation.requestBody, `${newOp.pointer}/requestBody`, "new");
  const at = new Location(`${here.root} request body`);
  if (before === undefined && after === undefined) return;
  if (before === undefined && after !== undefined) {
    const required = after.node.required === true;
    ctx.add("request-body-added", at, required, required ? "A required request body was added; existing calls do not send one." : "An optional request body was added.");
    return;
  }
  if (before !== undefined && after === undefined) {
    ctx.add("request-body-removed", at, true, "The request body was removed; callers that send one get a compile error.");
    return;
  }
  if (before === undefined || after === undefined) return;
  const wasRequired = before.node.required === true;
  const isRequired = after.node.required === true;
  if (wasRequired !== isRequired) {
    ctx.add(
      isRequired ? "request-body-required" : "request-body-optional",
      at,
      isRequired,
      isRequired ? "The request body became required; calls without one are now invalid." : "The request body became optional.",
    );
  }
  compareDocs(ctx, before.node, after.node, ["description"], at);
  compareContent(ctx, before, after, "request", at);
}

export function compareResponses(ctx: DiffContext, oldOp: OperationAt, newOp: OperationAt, here: Location): void {
  const before = isObject(oldOp.operation.responses) ? oldOp.operation.responses : {};
  const after = isObject(newOp.operation.responses) ? newOp.operation.responses : {};
  for (const [status, raw] of Object.entries(before)) {
    const at = new Location(`${here.root} response ${status}`);
    if (!(status in after)) {
      ctx.add("response-removed", at, true, `Response ${status} was removed; code that handles its body no longer compiles.`);
      continue;
    }
    const o = bodyAt(ctx.oldDoc, raw, `${oldOp.pointer}/responses/${status}`, "old");
    const n = bodyAt(ctx.newDoc, after[status], `${newOp.pointer}/responses/${status}`, "new");
    if (o === undefined || n === undefined) continue;
    compareDocs(ctx, o.node, n.node, responseDocKeys, at);
    compareContent(ctx, o, n, "response", at);
  }
  for (const status of Object.keys(after)) {
    if (status in before) continue;
    ctx.add("response-added", new Location(`${here.root} response ${status}`), false, `New response ${status} is documented; existing code is unaffected.`);
  }
}

function compareContent(ctx: DiffContext, before: BodyAt, after: BodyAt, direction: Direction, at: Location): void {
  if (before.mediaType !== after.mediaType) {
    if (before.mediaType !== undefined || after.mediaType !== undefined) {
      const breaking = before.mediaType !== undefined;
      ctx.add(
        "type-changed",
        at,
        breaking,
        `The ${direction} content type changed from ${before.mediaType ?? "(none)"} to ${after.mediaType ?? "(none)"}.`,
      );
    }
    return;
  }
  if (before.mediaType === undefined || after.mediaType === undefined) return;
  const oldMedia = mediaObject(before);
  const newMedia = mediaObject(after);
  const mediaPointer = (b: BodyAt) => `${b.pointer}/content/${b.mediaType?.replaceAll("/", "~1") ?? ""}`;
  compareDocs(ctx, oldMedia, newMedia, mediaTypeDocKeys, at);
  if (oldMedia.schema === undefined && newMedia.schema === undefined) return;
  compareSchema(
    ctx,
    { raw: oldMedia.schema ?? {}, pointer: `${mediaPointer(before)}/schema` },
    { raw: newMedia.schema ?? {}, pointer: `${mediaPointer(after)}/schema` },
    direction,
    at,
  );
}

function mediaObject(body: BodyAt): JsonObject {
  const content = body.node.content;
  const media = isObject(content) && body.mediaType !== undefined ? content[body.mediaType] : undefined;
  return isObject(media) ? media : {};
}
