import { describe, expect, it } from "vitest";
import { bumpOf, diffSpecs, nextVersion, overallBump, SpecDiffError, type Change } from "../../codegen/diff/index.js";
import { nameSimilarity } from "../../codegen/diff/renames.js";

const change = (kind: Change["kind"], breaking: boolean): Change => ({ kind, location: "x", breaking, message: "m" });

describe("semver policy", () => {
  it("maps breaking → major, docs/renamed schemas/servers → patch, other additions → minor", () => {
    expect(bumpOf(change("field-added", true))).toBe("major");
    expect(bumpOf(change("enum-value-added", false))).toBe("minor");
    expect(bumpOf(change("docs-changed", false))).toBe("patch");
    expect(bumpOf(change("schema-renamed", false))).toBe("patch");
  });

  it("takes the strongest bump and none for no changes", () => {
    expect(overallBump([])).toBe("none");
    expect(overallBump([change("docs-changed", false), change("field-added", false)])).toBe("minor");
    expect(overallBump([change("docs-changed", false), change("field-removed", true)])).toBe("major");
  });

  it("applies bumps with the 0.x convention (breaking bumps the minor digit)", () => {
    expect(nextVersion("0.1.0", "major")).toBe("0.2.0");
    expect(nextVersion("0.1.0", "minor")).toBe("0.1.1");
    expect(nextVersion("0.1.0", "patch")).toBe("0.1.1");
    expect(nextVersion("1.4.2", "major")).toBe("2.0.0");
    expect(nextVersion("1.4.2", "minor")).toBe("1.5.0");
    expect(nextVersion("1.4.2", "none")).toBe("1.4.2");
    expect(() => nextVersion("1.0", "patch")).toThrow('"1.0" is not a plain x.y.z');
  });
});

describe("rename evidence", () => {
  it("treats case and separator differences as the same name", () => {
    expect(nameSimilarity("projectId", "project_id")).toBe(1);
    expect(nameSimilarity("billint_type", "billing_type")).toBeGreaterThan(0.9);
    expect(nameSimilarity("driver_version", "cuda_version")).toBeLessThan(0.7);
  });
});

describe("bad input", () => {
  const minimal = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} };

  it("rejects a document that is not OpenAPI 3.0/3.1, naming the side", () => {
    expect(() => diffSpecs({ swagger: "2.0" }, minimal)).toThrow(new SpecDiffError('old spec: "openapi" must be 3.0.x or 3.1.x, found undefined'));
  });

  it("names the dangling $ref and where it was used", () => {
    const broken = {
      ...minimal,
      paths: { "/a": { get: { responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Nope" } } } } } } } },
    };
    expect(() => diffSpecs(minimal, broken)).not.toThrow();
    expect(() => diffSpecs(broken, broken)).toThrow(
      'old spec at #/paths/~1a/get/responses/200/content/application~1json/schema: $ref "#/components/schemas/Nope" does not resolve (no "components")',
    );
  });

  it("refuses external $refs with a hint to bundle", () => {
    const external = { ...minimal, paths: { "/a": { get: { parameters: [{ $ref: "other.yaml#/p" }], responses: {} } } } };
    expect(() => diffSpecs(external, external)).toThrow('only local $refs ("#/...") are supported, found "other.yaml#/p"; bundle the spec first');
  });
});
