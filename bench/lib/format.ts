/** Number formatting shared by the report sections. */
import type { Summary } from "./stats.js";

/** "12.3 (11.9–13.0)" with the given decimals. */
export function range(summary: Summary, decimals: number, unit = ""): string {
  const f = (value: number) => value.toFixed(decimals) + unit;
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}

/** "median (p25–p75)": for long series of single samples, whose extremes are one-off stalls, not spread. */
export function quartileRange(summary: Summary, decimals: number, unit = ""): string {
  const f = (value: number) => value.toFixed(decimals) + unit;
  return `${f(summary.median)} (${f(summary.p25)}–${f(summary.p75)})`;
}

/** Bytes as kB with one decimal (1 kB = 1000 B, as bundle-size tools report). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** Integer with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("l" | "r")[]): string {
  const rule = header.map((_, i) => (align?.[i] === "r" ? "---:" : "---"));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}
