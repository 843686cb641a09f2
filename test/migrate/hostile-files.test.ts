/**
 * The codemod rewrites files in place, so what it must never do is damage one: a file that is not UTF-8 (its bytes
 * would come back replaced), one that does not parse (edits would land in a guessed tree), one reached through a
 * symbolic link (it may live outside the tree, in node_modules, or loop). Each is skipped and reported; nothing
 * crashes; a rewritten file keeps its permissions.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { migrate } from "../../src/migrate/run.js";
import { scratchDir, tsConfigFilePath } from "./scratch.js";

const work = scratchDir("migrate-hostile-");

const v1Fetch = (id: string) =>
  `export async function get${id}(id: string) {\n  const r = await fetch(\`https://manager.cloud.together.ai/api/v1/gpu_cluster/\${id}\`);\n  return await r.json();\n}\n`;

it("skips, and reports, files it would damage; follows no symbolic link; keeps a rewritten file's mode", () => {
  const root = join(work, "src");
  const outside = join(work, "outside");
  mkdirSync(join(root, "sub"), { recursive: true });
  mkdirSync(outside);
  // Latin-1 bytes (é = 0xE9) around a v1 call the codemod would rewrite.
  const latin1 = Buffer.concat([Buffer.from("// caf"), Buffer.from([0xe9]), Buffer.from("\n"), Buffer.from(v1Fetch("Latin"))]);
  writeFileSync(join(root, "latin1.ts"), latin1);
  const broken = `${v1Fetch("Broken")}if (x.status === "READY" {\n`;
  writeFileSync(join(root, "broken.ts"), broken);
  writeFileSync(join(outside, "shared.ts"), v1Fetch("Outside"));
  symlinkSync(outside, join(root, "sub", "shared-link"));
  symlinkSync("..", join(root, "sub", "loop"));
  symlinkSync(join(work, "nowhere"), join(root, "sub", "dangling.ts"));
  writeFileSync(join(root, "tool.js"), `#!/usr/bin/env node\n${v1Fetch("Tool").replace(/: string/g, "")}`);
  chmodSync(join(root, "tool.js"), 0o755);

  const result = migrate({ paths: [root], cwd: work, tsConfigFilePath });

  expect(readFileSync(join(root, "latin1.ts")).equals(latin1)).toBe(true);
  expect(readFileSync(join(root, "broken.ts"), "utf8")).toBe(broken);
  expect(readFileSync(join(outside, "shared.ts"), "utf8")).toBe(v1Fetch("Outside"));
  const skipped = result.findings.filter((f) => f.kind === "skipped").map((f) => `${f.file}: ${f.message}`);
  expect(skipped).toEqual(
    expect.arrayContaining([
      "src/latin1.ts: not valid UTF-8 text (a rewrite would replace its other bytes); left as it was",
      expect.stringMatching(/^src\/broken\.ts: does not parse \(line 5: .+\); left as it was$/),
      "src/sub/shared-link: a symbolic link: not followed (migrate what it points to where that lives); left as it was",
      "src/sub/loop: a symbolic link: not followed (migrate what it points to where that lives); left as it was",
      "src/sub/dangling.ts: a symbolic link: not followed (migrate what it points to where that lives); left as it was",
    ]),
  );
  // The one healthy file is migrated, and stays executable.
  expect(result.files.map((f) => f.path)).toEqual(["src/tool.js"]);
  expect(readFileSync(join(root, "tool.js"), "utf8")).toContain("createClient");
  expect(statSync(join(root, "tool.js")).mode & 0o777).toBe(0o755);
}, 60_000);

it("reports, at its line, a type error the rewrite leaves in code that compiled before (a function still annotated with a v1 type)", () => {
  const dir = join(work, "typed");
  mkdirSync(dir, { recursive: true });
  const source = [
    "interface V1Cluster { cluster_id: string; status: string }",
    "export async function getCluster(id: string): Promise<V1Cluster> {",
    "  const r = await fetch(`https://manager.cloud.together.ai/api/v1/gpu_cluster/${id}`);",
    "  return await r.json();",
    "}",
    "",
  ].join("\n");
  writeFileSync(join(dir, "typed.ts"), source);
  const result = migrate({ paths: [dir], cwd: work, tsConfigFilePath, dryRun: true });
  expect(result.files.map((f) => f.path)).toEqual(["typed/typed.ts"]);
  const typeNotes = result.findings.filter((f) => f.message.startsWith("after the rewrite this does not type-check"));
  expect(typeNotes.length).toBeGreaterThan(0);
  for (const note of typeNotes) {
    expect(note).toMatchObject({ file: "typed/typed.ts", kind: "note" });
    expect(note.line).toBeGreaterThan(0);
  }
  // A dry run: the file on disk is as it was.
  expect(readFileSync(join(dir, "typed.ts"), "utf8")).toBe(source);
}, 60_000);
