/**
 * Unknown keys are refused, with a suggestion: a typo like `billint_type` (from the official docs' own sample) would
 * otherwise be dropped silently and the server would answer with a vaguer error, or worse, a default.
 */
import { at, type Issues } from "./fields.js";

/** Keys with a known better answer than "did you mean". */
const renamedKeys: Readonly<Record<string, string>> = {
  driver_version:
    'is the v1 name; use cuda_version + nvidia_driver_version instead (e.g. CUDA_12_6_560 is cuda_version "12.6", nvidia_driver_version "560")',
  duration_hours: "is a response field; use duration_days on create",
};

/** Reports every key of `o` not in `allowed`, suggesting the closest allowed key. */
export function checkKeys(o: Readonly<Record<string, unknown>>, allowed: ReadonlySet<string>, issues: Issues): void {
  for (const key of Object.keys(o)) {
    if (allowed.has(key)) continue;
    const renamed = Object.hasOwn(renamedKeys, key) ? renamedKeys[key] : undefined;
    if (renamed !== undefined) {
      issues.list.push({ path: at(issues, key), message: `unknown field: ${key} ${renamed}` });
      continue;
    }
    const suggestion = closest(key, allowed);
    issues.list.push({
      path: at(issues, key),
      message: suggestion === undefined ? `unknown field (allowed: ${[...allowed].join(", ")})` : `unknown field; did you mean ${suggestion}?`,
    });
  }
}

/** The allowed key nearest to `key` by edit distance, if any is near enough to be a likely typo. */
export function closest(key: string, allowed: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (only ever run on the error path). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
