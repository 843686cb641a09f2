/** `npm run bench` refuses a command line it cannot run before measuring or writing anything (it used to throw a stack trace). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const bench = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], { cwd: repoRoot, encoding: "utf8" });

describe("npm run bench: the command line", () => {
  it("prints its usage for --help and exits 0", () => {
    const run = bench("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run bench -- \[--quick\] \[--only=calls,mapping,/);
  });

  it("names an unknown option, with the usage, and exits 2", () => {
    const run = bench("--quik");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'--quik'");
    expect(run.stderr).toContain("usage: npm run bench");
    expect(run.stderr).not.toContain("    at ");
  });

  it("names an unknown section of --only and the known ones", () => {
    const run = bench("--only=calls,bundel");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bench: --only: unknown section "bundel"; known: calls, mapping, bundle');
  });
});
