import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { startFakeApi } from "../../src/testing/index.js";

describe("listening and shutdown", () => {
  test("binds loopback only and refuses any other host", async () => {
    await expect(startFakeApi({ host: "0.0.0.0" })).rejects.toThrow(/host must be a loopback address/);
    await expect(startFakeApi({ host: "192.168.1.10" })).rejects.toThrow(/loopback/);
    const fake = await startFakeApi();
    try {
      expect(new URL(fake.urls.v1).hostname).toBe("127.0.0.1");
      expect(fake.urls.v2).toBe(`${fake.urls.v1}/v1`);
    } finally {
      await fake.close();
    }
  });

  test("after close() the port refuses connections", async () => {
    const fake = await startFakeApi();
    await fake.close();
    await expect(fetch(`${fake.urls.v2}/compute/regions`)).rejects.toThrow(TypeError);
  });

  test("a process that used the fake (with a request parked in latency) exits by itself after close()", () => {
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./fixtures/shutdown-child.ts", import.meta.url))], {
      encoding: "utf8",
      // Not a timing assertion: only a hang detector. A leaked handle would keep the child alive until killed.
      timeout: 20_000,
    });
    expect(child.signal).toBeNull();
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe("regions 200\nparked request failed\nclosed\n");
    expect(child.status).toBe(0);
  });
});
