/**
 * The ```ts code blocks of README.md and docs/*.md, in order. A block whose first line is `// fragment: <why>` is
 * shown to readers but neither type-checked nor run (docs/client.md "Code blocks in these docs" says when that is
 * acceptable); every other block must be a complete program.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export interface DocBlock {
  /** `docs/client.md:62`, the line of the opening fence. */
  readonly where: string;
  readonly code: string;
  /** The reason after `// fragment:`, when the block is marked as one. */
  readonly fragment?: string;
}

const fragmentMarker = /^\/\/ fragment: *(.*)$/;

/** Markdown files whose blocks must run: README.md and every docs/*.md. */
export function docFiles(repoRoot: string): string[] {
  const docs = readdirSync(join(repoRoot, "docs")).filter((name) => name.endsWith(".md")).sort();
  return [join(repoRoot, "README.md"), ...docs.map((name) => join(repoRoot, "docs", name))];
}

export function extractBlocks(file: string, repoRoot: string): DocBlock[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    if (i >= lines.length) throw new Error(`${relative(repoRoot, file)}:${start + 1}: code block is never closed`);
    const reason = fragmentMarker.exec(body[0] ?? "")?.[1];
    const where = `${relative(repoRoot, file)}:${start + 1}`;
    if (reason === "") throw new Error(`${where}: "// fragment:" must say why the block cannot run`);
    blocks.push({ where, code: body.join("\n"), ...(reason !== undefined ? { fragment: reason } : {}) });
  }
  return blocks;
}
