import { describe, expect, it } from "vitest";
import { ReadResponse } from "../../src/read-response.js";

const bytes = () => new TextEncoder().encode('{"id":"c1"}');
const init = { status: 200, statusText: "OK", headers: { "x-request-id": "r1" } };

describe("ReadResponse (the transport's answer over bytes already read)", () => {
  it("answers text, json, arrayBuffer and bytes from the bytes, once, like a real Response", async () => {
    const response = new ReadResponse(bytes(), init);
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('{"id":"c1"}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toThrow(TypeError);
    expect(await new ReadResponse(bytes(), init).json()).toEqual({ id: "c1" });
    expect(new TextDecoder().decode(await new ReadResponse(bytes(), init).arrayBuffer())).toBe('{"id":"c1"}');
    expect(new TextDecoder().decode(await new ReadResponse("scrubbed", init).bytes())).toBe("scrubbed");
  });

  it("gives a readable body stream, blob and clones on demand", async () => {
    const response = new ReadResponse(bytes(), init);
    const copy = response.clone();
    expect(await new Response(response.body).text()).toBe('{"id":"c1"}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(await (await copy.blob()).text()).toBe('{"id":"c1"}');
    const read = new ReadResponse(bytes(), init);
    await read.text();
    expect(read.body).not.toBeNull();
    expect(read.bodyUsed).toBe(true);
  });
});
