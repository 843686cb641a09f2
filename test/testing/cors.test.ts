import { describe, expect, test } from "vitest";
import { startFakeApi } from "../../src/testing/index.js";
import { useSharedFake, v2CreateBody } from "./helpers.js";

const shared = useSharedFake({ clock: { mode: "per-request", advanceMs: 1_000 } });
const page = "http://localhost:5173";

function preflight(url: string, origin: string, method = "POST", headers = "authorization, content-type") {
  return fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers } });
}

describe("CORS: a page on another loopback origin can use the fake", () => {
  test("a preflight is answered 204 with the methods and headers the client sends, without a token and without moving the clock", async () => {
    const before = shared.fake.clock.now();
    const reply = await preflight(`${shared.fake.urls.v2}/compute/clusters`, page);
    expect(reply.status).toBe(204);
    const cors: Record<string, string> = {};
    reply.headers.forEach((value, name) => {
      if (name.startsWith("access-control-")) cors[name] = value;
    });
    expect(cors).toEqual({
      "access-control-allow-origin": page,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-max-age": "600",
      "access-control-expose-headers": expect.stringContaining("x-request-id"),
    });
    expect(shared.fake.clock.now()).toBe(before);
    expect(shared.fake.requests.at(-1)).toMatchObject({ method: "OPTIONS", status: 204 });
  });

  test("a preflight naming extra headers (a client's default headers) gets them allowed; a malformed list gets the default", async () => {
    const extra = await preflight(`${shared.fake.urls.v1}/api/v1/gpu_cluster`, "http://127.0.0.1:8080", "PUT", "authorization,content-type,x-team");
    expect(extra.headers.get("access-control-allow-headers")).toBe("authorization,content-type,x-team");
    const odd = await preflight(`${shared.fake.urls.v1}/api/v1/gpu_cluster`, "http://[::1]:3000", "PUT", "x-a; y");
    expect(odd.headers.get("access-control-allow-headers")).toBe("authorization, content-type, accept");
  });

  test("answers, errors included, name the page's origin and expose the request id and hint headers", async () => {
    const headers = { origin: page, authorization: `Bearer ${shared.fake.apiKey}`, "content-type": "application/json" };
    const created = await fetch(`${shared.fake.urls.v2}/compute/clusters`, { method: "POST", headers, body: JSON.stringify(v2CreateBody()) });
    expect(created.status).toBe(200);
    expect(created.headers.get("access-control-allow-origin")).toBe(page);
    expect(created.headers.get("access-control-expose-headers")).toBe("x-request-id, retry-after, retry-after-ms, deprecation, sunset, link, www-authenticate");
    const unauthorized = await fetch(`${shared.fake.urls.v2}/compute/regions`, { headers: { origin: page } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("access-control-allow-origin")).toBe(page);
  });

  test("a page from elsewhere is refused by default: 403 preflight naming the option, no allow-origin on answers", async () => {
    const reply = await preflight(`${shared.fake.urls.v2}/compute/clusters`, "https://evil.example");
    expect(reply.status).toBe(403);
    expect(reply.headers.get("access-control-allow-origin")).toBeNull();
    expect((await reply.json()).message).toContain('corsOrigins: ["https://evil.example"]');
    const answer = await fetch(`${shared.fake.urls.v2}/compute/regions`, { headers: { origin: "https://evil.example", authorization: `Bearer ${shared.fake.apiKey}` } });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect((await fetch(`${shared.fake.urls.v2}/compute/regions`, { headers: { origin: "http://localhost.evil.example" } })).headers.get("access-control-allow-origin")).toBeNull();
  });

  test("an OPTIONS without preflight headers is an API call like any other (405)", async () => {
    const reply = await fetch(`${shared.fake.urls.v2}/compute/clusters`, { method: "OPTIONS", headers: { authorization: `Bearer ${shared.fake.apiKey}` } });
    expect(reply.status).toBe(405);
  });
});

describe("corsOrigins", () => {
  test('"*" and exact lists widen or narrow who may call', async () => {
    const open = await startFakeApi({ corsOrigins: "*" });
    const exact = await startFakeApi({ corsOrigins: ["https://app.example"] });
    try {
      expect((await preflight(`${open.urls.v2}/compute/clusters`, "https://evil.example")).status).toBe(204);
      expect((await preflight(`${exact.urls.v2}/compute/clusters`, "https://app.example")).status).toBe(204);
      expect((await preflight(`${exact.urls.v2}/compute/clusters`, page)).status).toBe(403);
    } finally {
      await Promise.all([open.close(), exact.close()]);
    }
  });

  test.each([[["localhost:5173"]], [["http://localhost:5173/"]], ["any" as never]])("%j is refused with a message naming the option", async (corsOrigins) => {
    await expect(startFakeApi({ corsOrigins })).rejects.toThrow(/corsOrigins/);
  });
});
