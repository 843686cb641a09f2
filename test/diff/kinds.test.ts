import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changeKinds } from "../../codegen/diff/index.js";
import { diffCase, fixturesDir, kindsOf } from "./helpers.js";

/** One tiny fixture pair per case under fixtures/kinds/<case>/{old,new}.yaml; `!` marks a breaking change. */
const cases: { name: string; bump: string; kinds: string[]; location?: string }[] = [
  { name: "identical", bump: "none", kinds: [] },
  { name: "path-added", bump: "minor", kinds: ["path-added"], location: "/regions" },
  { name: "path-removed", bump: "major", kinds: ["path-removed!"], location: "/clusters/{cluster_id}" },
  { name: "operation-added", bump: "minor", kinds: ["operation-added"], location: "DELETE /clusters/{cluster_id}" },
  { name: "operation-removed", bump: "major", kinds: ["operation-removed!"], location: "POST /clusters" },
  { name: "operation-moved", bump: "major", kinds: ["operation-moved!"], location: "GET /clusters/{cluster_id}" },
  {
    name: "operations-moved-onto-path-with-new-operation",
    bump: "major",
    kinds: ["operation-moved!", "operation-moved!", "operation-added"],
    location: "GET /clusters",
  },
  { name: "parameter-added-optional", bump: "minor", kinds: ["parameter-added"], location: "GET /clusters: query project_id" },
  { name: "parameter-added-required", bump: "major", kinds: ["parameter-added!"], location: "GET /clusters: header X-Project" },
  { name: "parameter-removed", bump: "major", kinds: ["parameter-removed!"], location: "GET /clusters: query limit" },
  { name: "parameter-renamed-query", bump: "major", kinds: ["parameter-renamed!"], location: "GET /clusters: query limit" },
  { name: "parameter-renamed-path", bump: "major", kinds: ["parameter-renamed!"], location: "GET /clusters/{id}: path cluster_id" },
  { name: "parameter-required", bump: "major", kinds: ["parameter-required!"] },
  { name: "parameter-optional", bump: "minor", kinds: ["parameter-optional"] },
  { name: "request-body-added-required", bump: "major", kinds: ["request-body-added!"], location: "POST /clusters request body" },
  { name: "request-body-removed", bump: "major", kinds: ["request-body-removed!"] },
  { name: "request-body-optional", bump: "minor", kinds: ["request-body-optional"] },
  { name: "request-body-required", bump: "major", kinds: ["request-body-required!"] },
  { name: "response-added", bump: "minor", kinds: ["response-added"], location: "GET /clusters/{cluster_id} response 404" },
  { name: "response-removed", bump: "major", kinds: ["response-removed!"] },
  { name: "request-field-added-optional", bump: "minor", kinds: ["field-added"], location: "schema CreateRequest (request): region" },
  { name: "request-field-added-required", bump: "major", kinds: ["field-added!"], location: "schema CreateRequest (request): region" },
  { name: "response-field-added", bump: "minor", kinds: ["field-added"], location: "schema Cluster (response): created_at" },
  { name: "request-field-removed", bump: "major", kinds: ["field-removed!"], location: "schema CreateRequest (request): num_gpus" },
  { name: "response-field-removed", bump: "major", kinds: ["field-removed!"], location: "schema Cluster (response): num_gpus" },
  { name: "request-field-renamed", bump: "major", kinds: ["field-renamed!"], location: "schema CreateRequest (request): billint_type" },
  { name: "response-field-renamed", bump: "major", kinds: ["field-renamed!"], location: "schema Cluster (response): name" },
  { name: "remove-and-add-is-not-rename", bump: "major", kinds: ["field-removed!", "field-added"] },
  { name: "request-field-required", bump: "major", kinds: ["field-required!"] },
  { name: "request-field-optional", bump: "minor", kinds: ["field-optional"] },
  { name: "response-field-optional", bump: "major", kinds: ["field-optional!"] },
  { name: "response-field-required", bump: "minor", kinds: ["field-required"] },
  { name: "request-type-changed", bump: "major", kinds: ["type-changed!", "format-changed"] },
  { name: "request-type-widened", bump: "minor", kinds: ["type-changed"] },
  { name: "response-type-nullable", bump: "major", kinds: ["type-changed!"] },
  { name: "openapi-30-nullable-equals-31-null-type", bump: "none", kinds: [] },
  { name: "request-format-widened", bump: "minor", kinds: ["format-changed"] },
  { name: "response-format-widened", bump: "major", kinds: ["format-changed!"] },
  { name: "request-enum-value-added", bump: "minor", kinds: ["enum-value-added"], location: "schema CreateRequest (request): billing" },
  { name: "response-enum-value-added", bump: "minor", kinds: ["enum-value-added"], location: "schema Cluster (response): status" },
  { name: "request-enum-value-removed", bump: "major", kinds: ["enum-value-removed!"] },
  { name: "response-enum-value-removed", bump: "major", kinds: ["enum-value-removed!"] },
  { name: "shared-enum-value-added", bump: "minor", kinds: ["enum-value-added", "enum-value-added"] },
  { name: "schema-renamed", bump: "patch", kinds: ["schema-renamed"], location: "schema Cluster" },
  { name: "schema-inlined-no-change", bump: "patch", kinds: ["schema-moved"] },
  { name: "docs-only", bump: "patch", kinds: ["docs-changed", "docs-changed", "docs-changed", "docs-changed"] },
  { name: "servers-changed", bump: "patch", kinds: ["servers-changed"] },
  { name: "recursive-schema-field-added", bump: "minor", kinds: ["field-added"] },
  { name: "enum-without-type-gains-type", bump: "none", kinds: [] },
  { name: "allof-flattened-no-change", bump: "none", kinds: [] },
  { name: "read-only-field-dropped-from-request-schema", bump: "none", kinds: [] },
  { name: "response-schema-replaced-by-component", bump: "minor", kinds: ["schema-replaced"], location: "POST /clusters response 200" },
  { name: "extension-changed", bump: "patch", kinds: ["extension-changed"], location: "#/paths/~1clusters/post/x-stainless-skip" },
  { name: "map-value-type-changed", bump: "major", kinds: ["type-changed!"], location: "schema Cluster (response): labels{}" },
];

describe("spec diff: one fixture pair per change kind", () => {
  it.each(cases)("$name → $bump", ({ name, bump, kinds, location }) => {
    const result = diffCase(`kinds/${name}`);
    expect(kindsOf(result)).toEqual(kinds);
    expect(result.bump).toBe(bump);
    if (location !== undefined) expect(result.changes[0]?.location).toBe(location);
  });

  it("has a fixture folder for every case in the table and a table row for every folder", () => {
    const folders = readdirSync(`${fixturesDir}kinds`).sort();
    expect(cases.map((c) => c.name).sort()).toEqual(folders);
  });

  it("exercises every change kind the differ can report", () => {
    const seen = new Set(cases.flatMap((c) => c.kinds.map((k) => k.replace("!", ""))));
    expect(changeKinds.filter((kind) => !seen.has(kind))).toEqual([]);
  });
});

describe("spec diff: messages explain the decision", () => {
  it("names both sides of a field rename and the evidence", () => {
    const [change] = diffCase("kinds/request-field-renamed").changes;
    expect(change?.message).toContain('"billint_type" was renamed to "billing_type"');
    expect(change?.message).toContain("same enum values");
  });

  it("recognises a response rename from the shared description", () => {
    const [change] = diffCase("kinds/response-field-renamed").changes;
    expect(change?.message).toContain('"name" was renamed to "cluster_name"');
    expect(change?.message).toContain("same description");
  });

  it("warns that a new response enum value breaks exhaustive switches without calling it breaking", () => {
    const [change] = diffCase("kinds/response-enum-value-added").changes;
    expect(change?.breaking).toBe(false);
    expect(change?.message).toContain('"Deleting"');
    expect(change?.message).toContain("exhaustive `switch`es");
  });

  it("reports a shared enum once per direction, the request side as harmless", () => {
    const changes = diffCase("kinds/shared-enum-value-added").changes;
    expect(changes.map((c) => c.location)).toEqual(["schema GpuType (response)", "schema GpuType (request)"]);
    expect(changes[1]?.message).toContain("callers may now send it");
  });

  it("lists which documentation keys changed", () => {
    const messages = diffCase("kinds/docs-only").changes.map((c) => `${c.location} → ${c.message}`);
    expect(messages).toContain("POST /clusters → Documentation changed (x-codeSamples); no effect on the wire or on generated names.");
    expect(messages).toContain("schema Cluster (response): name → Documentation changed (description, example); no effect on the wire or on generated names.");
  });
});
