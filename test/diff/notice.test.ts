/**
 * The regeneration notice `npm run generate` prints, on real-shaped spec pairs, and `npm run diff` run from a
 * subfolder: what each says must agree with the differ.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { renderRegenerationSummary, summarizeRegeneration } from "../../codegen/diff/regeneration.js";
import { fixturesDir } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const real = (name: string) => parseDocument(readFileSync(`${fixturesDir}real/${name}`, "utf8")).toJS() as Record<string, unknown>;
const v1 = parseDocument(readFileSync(join(repoRoot, "specs/v1.yaml"), "utf8")).toJS() as Record<string, unknown>;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("regeneration notice", () => {
  it("counts operations, not paths: HEAD added one path with one operation and removed none", () => {
    const text = renderRegenerationSummary(summarizeRegeneration({ v1, v2: real("v2-2026-02-docs.yaml") }, { v1, v2: real("v2-2026-04-head.yaml") }));
    expect(text.split("\n")[2]).toBe("  v2: operations: 1 added (GET /clusters/availability-zones), 0 removed; 32 changes, 6 breaking → major");
  });

  it("calls a docs-only change patch, like npm run diff", () => {
    const before = real("v2-2026-04-head.yaml");
    const after = structuredClone(before) as { info: { description: string } };
    after.info.description = "Changed.";
    const summary = summarizeRegeneration({ v1, v2: before }, { v1, v2: after });
    expect(summary.bump).toBe("patch");
    expect(renderRegenerationSummary(summary)).toContain("  v2: operations: 0 added, 0 removed; 1 change, 0 breaking → patch");
  });

  it("reports a vendor-extension change", () => {
    const before = real("v2-2026-04-head.yaml");
    const after = structuredClone(before) as { components: { securitySchemes: { bearerAuth: Record<string, unknown> } } };
    after.components.securitySchemes.bearerAuth["x-bearer-format"] = "jwt";
    const summary = summarizeRegeneration({ v1, v2: before }, { v1, v2: after });
    expect(summary.versions.v2?.changes).toEqual([
      {
        kind: "extension-changed",
        location: "#/components/securitySchemes/bearerAuth/x-bearer-format",
        breaking: false,
        message: 'Vendor extension changed from "bearer" to "jwt"; no effect on the wire or on generated types.',
      },
    ]);
    expect(summary.bump).toBe("patch");
  });

  it("says 'first generation' for a fresh --out", () => {
    const out = mkdtempSync(join(tmpdir(), "notice-fresh-"));
    dirs.push(out);
    const result = spawnSync(process.execPath, [join(repoRoot, "codegen/generate.mjs"), "--out", join(out, "generated")], { cwd: repoRoot, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("First generation: there is no earlier output to compare with, so no version bump is implied.");
    expect(result.stdout).not.toContain("Implied version bump: none");
  }, 60_000);
});

describe("npm run diff from another folder", () => {
  it("resolves relative spec paths against the folder the command was run in (INIT_CWD)", () => {
    const dir = mkdtempSync(join(tmpdir(), "diff-cwd-"));
    dirs.push(dir);
    cpSync(`${fixturesDir}kinds/extension-changed`, dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}\n");
    const result = spawnSync("npm", ["--prefix", repoRoot, "run", "--silent", "diff", "--", "old.yaml", "new.yaml"], { cwd: dir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe("Bump: patch (1 change: 0 breaking, 0 added, 0 removed)");
  }, 60_000);
});
