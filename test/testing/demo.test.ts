import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

test("npm run demo: both versions give the same unified results, printed side by side", () => {
  const demo = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../../scripts/demo.ts", import.meta.url))], {
    encoding: "utf8",
    timeout: 60_000, // hang detector only
  });
  expect(demo.stderr).toBe("");
  expect(demo.status).toBe(0);
  const rows = demo.stdout.split("\n").filter((line) => line.includes("│"));
  const steps = rows.slice(1).map((line) => [line.split("│")[0]?.trim(), line.split("│").at(-1)?.trim()]);
  expect(steps).toEqual([
    ["created", "same"],
    ["driver", "same"],
    ["lifecycle seen", "same"],
    ["ready", "same"],
    ["scaled", "same"],
    ["deleting", "same"],
    ["deleted", "same"],
  ]);
  expect(demo.stdout).toContain("│ provisioning → ready ");
  expect(demo.stdout).toContain("│ 32 GPUs on 4 nodes ");
  expect(demo.stdout.trim().split("\n").at(-1)).toBe("MATCH: v1 and v2 gave the same unified results (7/7 steps).");
});

test("npm run demo takes no arguments: --help prints the usage, anything else is refused with exit 2", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../../scripts/demo.ts", import.meta.url)), ...args], { encoding: "utf8", timeout: 60_000 });
  const help = run("--help");
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^usage: npm run demo/);
  const stray = run("--v2");
  expect(stray.status).toBe(2);
  expect(stray.stderr).toBe(`demo: unexpected argument "--v2"\n${help.stdout}`);
  expect(stray.stdout).toBe("");
});
