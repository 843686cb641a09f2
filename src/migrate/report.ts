/** The report of a migrate run: one line per finding with file:line, as text, Markdown or JSON. */
import type { Finding } from "./file-edits.js";

interface Reportable {
  readonly files: ReadonlyArray<{ readonly path: string }>;
  readonly findings: readonly Finding[];
}

function counts(findings: readonly Finding[]): Record<Finding["kind"], number> {
  const out = { rewritten: 0, note: 0, fixme: 0, skipped: 0 };
  for (const f of findings) out[f.kind]++;
  return out;
}

/** Formats the findings; `dryRun` changes only the wording of the summary. */
export function formatReport(result: Reportable, format: "text" | "md" | "json", dryRun = false): string {
  const c = counts(result.findings);
  if (format === "json") {
    return `${JSON.stringify({ dryRun, changedFiles: result.files.map((f) => f.path), counts: c, findings: result.findings }, null, 2)}\n`;
  }
  const verb = dryRun ? "would change" : "changed";
  const skipped = c.skipped > 0 ? `; ${c.skipped} file(s) skipped, left as they were (see above)` : "";
  const summary = `${verb} ${result.files.length} file(s): ${c.rewritten} rewritten, ${c.note} note(s), ${c.fixme} FIXME(s) to resolve by hand${skipped}`;
  if (format === "md") {
    const rows = result.findings.map((f) => `| \`${f.file}:${f.line}\` | ${f.kind} | ${f.message.replace(/\|/g, "\\|")} |`);
    return [`# together-clusters migrate report`, "", summary, "", "| where | kind | what |", "| --- | --- | --- |", ...rows, ""].join("\n");
  }
  return [...result.findings.map((f) => `${f.file}:${f.line}: ${f.kind}: ${f.message}`), summary, ""].join("\n");
}
