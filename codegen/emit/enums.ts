import type { EnumDef, UnifiedModel } from "../ir.js";
import { enumTypeName, enumValuesName } from "../naming.js";
import { commentLine, commentText, stringLiteral } from "./escape.js";

/**
 * Every enum of both specs as `export const v1XValues = [...] as const` plus `export type V1X`, named from its
 * location (naming.ts). This file is the only place enum value lists exist in the repository.
 *
 * Printed as text: byte for byte what ts-morph prints for enums-structures.ts (test/codegen/enums-text.test.ts
 * holds the two equal on the real specs, a synthetic spec and generated descriptions). enums.ts is a table of a few
 * thousand two-line declarations on large specs, and pushing it through ts-morph's writer character by character was
 * the largest share of emission; here it is joined directly, following ts-morph's JSDoc layout rules. The doc text
 * went through escape.ts, so ts-morph's comment tracking sees nothing to react to and the two printings agree.
 */
export function renderEnumStatements(model: UnifiedModel): string {
  const all = [...model.v1.enums, ...model.v2.enums];
  const byValues = twinsIndex(all);
  let text = "";
  for (const def of all) {
    const valuesName = enumValuesName(def.version, def.name);
    const doc = enumDoc(def, twinNames(def, byValues));
    const docs = jsDocBlock(doc);
    text += `${docs}\nexport const ${valuesName} = ${valuesLiteral(def)} as const;\n`;
    text += `${docs}\nexport type ${enumTypeName(def.version, def.name)} = (typeof ${valuesName})[number];\n`;
  }
  return text;
}

/**
 * A JSDoc block as ts-morph's JSDocStructurePrinter lays it out when the text has more than one line (enum docs
 * always do: description, then tags): line breaks normalized, a leading empty line dropped, ` * ` before each
 * non-empty line and ` *` alone for empty ones.
 */
function jsDocBlock(doc: EnumDoc): string {
  const tags = doc.tags.map((tag) => `@${tag.tagName}${tag.text ? ` ${tag.text}` : ""}`);
  const lines = [doc.description, ...tags].join("\n").split(/\r?\n/);
  if (lines[0] === "") lines.shift();
  return `/**\n${lines.map((line) => (line === "" ? " *\n" : ` * ${line}\n`)).join("")} */`;
}

export function valuesLiteral(def: EnumDef): string {
  return `[${def.values.map(stringLiteral).join(", ")}]`;
}

/** Enums grouped by version + value list (twins: same values, different locations). */
export function twinsIndex(all: readonly EnumDef[]): Map<string, EnumDef[]> {
  // Grouped by version + value list once; comparing every pair is quadratic and large specs have thousands of enums.
  const byValues = new Map<string, EnumDef[]>();
  for (const def of all) {
    const key = valuesKey(def);
    const group = byValues.get(key);
    if (group) group.push(def);
    else byValues.set(key, [def]);
  }
  return byValues;
}

/** Names of the other enums in `def`'s group. */
export function twinNames(def: EnumDef, byValues: ReadonlyMap<string, readonly EnumDef[]>): string[] {
  return (byValues.get(valuesKey(def)) ?? []).filter((other) => other !== def).map((other) => enumValuesName(other.version, other.name));
}

function valuesKey(def: EnumDef): string {
  return JSON.stringify([def.version, def.values]);
}

/** One enum's JSDoc: description (or a default), the twins note, `@see` its location, `@deprecated`. */
export interface EnumDoc {
  readonly description: string;
  readonly tags: readonly { readonly tagName: string; readonly text?: string }[];
}

export function enumDoc(def: EnumDef, twins: readonly string[]): EnumDoc {
  const lines = [
    def.description ? def.description : `\`${def.source.pointer.split("/").at(-1) ?? def.name}\` values of the ${def.version} API.`,
    ...(twins.length > 0 ? ["", `Same values as ${twinList(twins)} (kept separate: names follow locations, not values).`] : []),
  ];
  return {
    description: commentText(lines.join("\n")),
    tags: [
      { tagName: "see", text: commentLine(`${def.source.file}:${def.source.line}:${def.source.col} ${def.source.pointer}`) },
      ...(def.deprecated ? [{ tagName: "deprecated" }] : []),
    ],
  };
}

/** Names a few twins only: listing all of them makes the file grow quadratically on specs that repeat one enum a lot. */
const MAX_TWINS_NAMED = 3;

function twinList(twins: readonly string[]): string {
  if (twins.length <= MAX_TWINS_NAMED) return twins.join(", ");
  return `${twins.slice(0, MAX_TWINS_NAMED).join(", ")} and ${twins.length - MAX_TWINS_NAMED} more`;
}
