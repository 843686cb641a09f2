/**
 * codegen/diff/surface/type-text.ts: a changed member's type in a changelog line. The surface records types fully
 * expanded (a generated wire view prints as thousands of characters), so a long type is shown as its differences,
 * each naming the member it is in.
 */
import { describe, expect, it } from "vitest";
import { describeTypeChange } from "../../codegen/diff/surface/type-text.js";

/** A long object type in the compiler's printing, with `status` and `extra` members to vary. */
const cluster = (statuses: readonly string[], extra = "", order: "usual" | "swapped" = "usual") => {
  const fields = Array.from({ length: 12 }, (_, i) => `field_${i}: string;`);
  const middle = order === "usual" ? ["name: string;", "region: string;"] : ["region: string;", "name: string;"];
  return `{ cluster_id: string; status: ${statuses.map((s) => `"${s}"`).join(" | ")}; ${middle.join(" ")} ${fields.join(" ")}${extra} }`;
};

describe("describeTypeChange", () => {
  it("quotes short types whole", () => {
    expect(describeTypeChange("string", "number")).toBe("from `string` to `number`");
  });

  it("shows a long type's new union member inside the member that holds it, not the whole type", () => {
    const before = cluster(["Ready", "Deleting"]);
    const after = cluster(["Ready", "Deleting", "Upgrading"]);
    const text = describeTypeChange(before, after);
    expect(text).toBe(`(a type of ${before.length} characters) in \`status\`: \`"Deleting";\` became \`"Deleting" | "Upgrading";\``);
  });

  it("names a new member by itself", () => {
    const text = describeTypeChange(cluster(["Ready"]), cluster(["Ready"], " num_cpu_workers: number;"));
    expect(text).toMatch(/\) added `num_cpu_workers: number;`$/);
  });

  it("says when only the order of members changed, and not when a member moved into a nested object", () => {
    expect(describeTypeChange(`{ a: { b: string; }; c: string; ${"x".repeat(160)}: number; }`, `{ a: { b: string; c: string; }; ${"x".repeat(160)}: number; }`)).not.toMatch(/only in the order/);
    const before = cluster(["Ready"]);
    expect(describeTypeChange(before, cluster(["Ready"], "", "swapped"))).toBe(`only in the order of its members (a type of ${before.length} characters)`);
  });

  it("lists at most four differences and counts the rest", () => {
    const before = cluster(["Ready"]);
    let after = before;
    for (let i = 0; i < 6; i++) after = after.replace(`field_${i * 2}: string;`, `field_${i * 2}: number;`);
    const text = describeTypeChange(before, after);
    expect(text.match(/became/g)).toHaveLength(4);
    expect(text).toMatch(/and 2 more difference\(s\)$/);
  });

  it("clips one side of a difference that is itself long", () => {
    const long = Array.from({ length: 60 }, (_, i) => `"V${i}"`).join(" | ");
    const text = describeTypeChange(cluster(["Ready"]), cluster(["Ready"], ` values: ${long};`));
    expect(text).toContain(" … ");
    expect(text.length).toBeLessThan(300);
  });
});

