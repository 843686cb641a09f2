/**
 * Rename detection: pairs a removed name with an added one when the evidence says it is the same thing.
 * A shape match (same type, format, enum, nested shape) is required; on top of it we need enough independent
 * evidence (score ≥ {@link minimumScore}) so that "field A dropped, unrelated field B added" stays remove + add.
 */

export interface RenameCandidate {
  readonly name: string;
  /** Canonical shape string; two candidates can only pair when these are equal. */
  readonly shape: string;
  readonly description?: string;
  /** Index among the sibling names on its own side (property order, parameter order). */
  readonly position: number;
  readonly required: boolean;
  readonly hasEnum: boolean;
}

export interface RenameMatch {
  readonly from: string;
  readonly to: string;
  readonly evidence: readonly string[];
}

const minimumScore = 3;

export function matchRenames(removed: readonly RenameCandidate[], added: readonly RenameCandidate[]): RenameMatch[] {
  const scored: { from: RenameCandidate; to: RenameCandidate; score: number; evidence: string[] }[] = [];
  for (const from of removed) {
    for (const to of added) {
      if (from.shape !== to.shape) continue;
      const { score, evidence } = scorePair(from, to);
      if (score >= minimumScore) scored.push({ from, to, score, evidence });
    }
  }
  // Best evidence wins; ties resolve by spec order so the result is deterministic.
  scored.sort((a, b) => b.score - a.score || a.from.position - b.from.position || a.to.position - b.to.position);
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const matches: RenameMatch[] = [];
  for (const pair of scored) {
    if (usedFrom.has(pair.from.name) || usedTo.has(pair.to.name)) continue;
    usedFrom.add(pair.from.name);
    usedTo.add(pair.to.name);
    matches.push({ from: pair.from.name, to: pair.to.name, evidence: ["same type and shape", ...pair.evidence] });
  }
  return matches;
}

function scorePair(from: RenameCandidate, to: RenameCandidate): { score: number; evidence: string[] } {
  let score = 0;
  const evidence: string[] = [];
  const fromDescription = normalizeText(from.description, from.name);
  if (fromDescription !== "" && fromDescription === normalizeText(to.description, to.name)) {
    score += 3;
    evidence.push("same description");
  }
  const similarity = nameSimilarity(from.name, to.name);
  if (similarity >= 0.999) {
    score += 3;
    evidence.push("same name up to case and separators");
  } else if (similarity >= 0.7) {
    score += 2;
    evidence.push("similar name");
  }
  if (from.position === to.position) {
    score += 1;
    evidence.push("same position");
  }
  if (from.hasEnum) {
    score += 2;
    evidence.push("same enum values");
  }
  if (from.required !== to.required) score -= 1;
  return { score, evidence };
}

/** Descriptions often mention the field's own name; blank it out so "The foo_id" ≈ "The fooId". */
function normalizeText(text: string | undefined, ownName: string): string {
  if (text === undefined) return "";
  return text.replaceAll(ownName, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** 1 − normalized Levenshtein distance over names folded to lowercase without `_`/`-`. */
export function nameSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().replace(/[_-]/g, "");
  const y = b.toLowerCase().replace(/[_-]/g, "");
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
