/**
 * What openapi-fetch builds for a unified call when no middleware will look at it: the URL, method, headers and
 * serialized body it computed, without a WHATWG Request. Constructing a Request parses the URL, copies the headers and
 * makes an AbortSignal (made transferable in Node) only for the transport to take it apart again, and that was most of
 * what openapi-fetch costs per call (bench/analysis.md). openapi-fetch accepts a `Request` class for this; the
 * transport reads these fields directly. With middleware registered through `client.raw.use`, unified calls build a
 * real Request again, so middleware always sees one.
 */
export class LeanRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The body as openapi-fetch serialized it: JSON text (the unified calls pass no other serializer). */
  readonly payload: string | undefined;

  constructor(url: string, init: { readonly method?: string; readonly headers: Headers; readonly body?: BodyInit | null }) {
    const body = init.body ?? undefined;
    // Sent again on a retry or a redirect, so it must be something that can be sent twice.
    if (body !== undefined && typeof body !== "string") throw new TypeError(`a unified call's body must be serialized to text, got ${Object.prototype.toString.call(body)}`);
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers;
    this.payload = body;
  }
}
