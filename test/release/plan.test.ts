import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { insertChangelogEntry, planRelease } from "../../codegen/diff/release-plan.js";
import { summarizeRegeneration } from "../../codegen/diff/regeneration.js";
import { fixturesDir } from "../diff/helpers.js";

const load = (file: string) => parseDocument(readFileSync(file, "utf8")).toJS() as unknown;
const v1 = load(new URL("../../specs/v1.yaml", import.meta.url).pathname);
const sources = { v1: { file: "specs/v1.yaml", version: "0.0.1", sha256: "a".repeat(64) }, v2: { file: "specs/v2.yaml", version: "2.0.0", sha256: "b".repeat(64) } };

describe("release plan", () => {
  const spec = summarizeRegeneration({ v1, v2: load(`${fixturesDir}real/v2-2026-04-head.yaml`) }, { v1, v2: load(`${fixturesDir}real/v2-2026-11-vendored.yaml`) });

  it("takes the stronger of the spec bump and the surface bump, 0.x style, and tags v<version>", () => {
    const minorSurface = { bump: "minor" as const, changes: [{ kind: "export-added" as const, location: ".#newThing", breaking: false, message: 'New function export "newThing" in ".".' }] };
    const plan = planRelease({ currentVersion: "0.1.0", since: "v0.1.0", spec, sources, surface: minorSurface, date: "2026-12-02" });
    expect(plan).toMatchObject({ bump: "major", version: "0.2.0", tag: "v0.2.0" });
    const noSpec = summarizeRegeneration({ v1, v2: v1 }, { v1, v2: v1 });
    expect(planRelease({ currentVersion: "0.2.0", since: "v0.2.0", spec: noSpec, sources, surface: minorSurface, date: "2026-12-02" }).version).toBe("0.2.1");
  });

  it("writes spec changes per version, surface changes and a migration note naming every breaking change", () => {
    const surface = { bump: "major" as const, changes: [{ kind: "member-removed" as const, location: ".#Cluster.nodeName", breaking: true, message: 'Member "nodeName" was removed.' }] };
    const { changelogEntry } = planRelease({ currentVersion: "0.1.0", since: "v0.1.0", spec, sources, surface, date: "2026-12-02" });
    const lines = changelogEntry.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "## 0.2.0 (2026-12-02)",
      "",
      "Generated from v1 `specs/v1.yaml` (info.version 0.0.1, sha256:aaaaaaaaaaaa), v2 `specs/v2.yaml` (info.version 2.0.0, sha256:bbbbbbbbbbbb).",
      "",
      expect.stringMatching(/^### v2 spec: major \(\d+ changes: 3 breaking/),
    ]);
    expect(changelogEntry).not.toContain("### v1 spec");
    const migrating = changelogEntry.slice(changelogEntry.indexOf("### Migrating"));
    expect(migrating).toContain("Upgrading from v0.1.0 breaks code at each place below");
    expect(migrating).toContain("- `schema GPUClusterControlPlaneNode (response): node_name` (v2)");
    expect(migrating).toContain("- `.#Cluster.nodeName`: Member \"nodeName\" was removed.");
    expect(changelogEntry.indexOf("### Public API (.d.ts): major")).toBeLessThan(changelogEntry.indexOf("### Migrating"));
  });

  it("inserts the entry above the newest one, after the preamble", () => {
    expect(insertChangelogEntry("# Changelog\n\nIntro.\n\n## 0.1.0\n\nOld.\n", "## 0.2.0\n\nNew.\n")).toBe("# Changelog\n\nIntro.\n\n## 0.2.0\n\nNew.\n\n## 0.1.0\n\nOld.\n");
  });
});
