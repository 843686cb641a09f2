/**
 * Diff reports on real-shaped transitions of Together's v2 spec: each case edits the real 2026-04 HEAD copy
 * (fixtures/real/) the way an upstream change did or could, and checks what the report says about it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Document, parseDocument } from "yaml";
import { diffSpecs } from "../../codegen/diff/index.js";
import { fixturesDir } from "./helpers.js";

const head = () => parseDocument(readFileSync(`${fixturesDir}real/v2-2026-04-head.yaml`, "utf8"));
const json = "application/json";
const responseSchema = (path: string, method: string) => ["paths", path, method, "responses", "200", "content", json, "schema"];
const diff = (before: Document, after: Document) => diffSpecs(before.toJS(), after.toJS());

describe("spec diff on real-shaped transitions", () => {
  it("POST/PUT switching from an inline {cluster_id} to the unchanged GPUClusterInfo: one change per response, no field listed as new twice", () => {
    const before = head();
    for (const [path, method] of [["/compute/clusters", "post"], ["/compute/clusters/{cluster_id}", "put"]] as const) {
      before.setIn(responseSchema(path, method), before.createNode({ type: "object", required: ["cluster_id"], properties: { cluster_id: { type: "string" } } }));
    }
    const { changes, bump } = diff(before, head());
    expect(changes.map((c) => `${c.kind} ${c.location}`)).toEqual([
      "schema-replaced POST /compute/clusters response 200",
      "schema-replaced PUT /compute/clusters/{cluster_id} response 200",
    ]);
    expect(bump).toBe("minor");
    const [post] = changes;
    expect(post?.message).toMatch(/^The response schema is now the component "GPUClusterInfo" \(before: an inline schema\); compared with before: 19 field\(s\) new here \(cluster_type, region,/);
    expect(post?.message).toContain('Field "status" is an enum ("WaitingForControlPlaneNodes", "WaitingForDataPlaneNodes"');
    expect(post?.message).toContain("exhaustive `switch`es over it must cover every value or have a default branch");
  });

  it("a new response `status` enum field is shown with its values and the exhaustive-switch warning", () => {
    const before = head();
    before.deleteIn(["components", "schemas", "GPUClusterInfo", "properties", "status"]);
    const required = before.getIn(["components", "schemas", "GPUClusterInfo", "required"]) as { items: { value: unknown }[] };
    required.items = required.items.filter((item) => item.value !== "status");
    const { changes } = diff(before, head());
    const status = changes.filter((c) => c.location === "schema GPUClusterInfo (response): status");
    expect(status).toHaveLength(1);
    expect(status[0]?.message).toBe(
      'New required response field "status" (enum "WaitingForControlPlaneNodes", "WaitingForDataPlaneNodes", "WaitingForSubnet", ' +
        '"WaitingForSharedVolume", "InstallingDrivers", "RunningAcceptanceTests", "Paused", "OnDemandComputePaused", "Ready", "Degraded", ' +
        '"Deleting"); existing code ignores it. It is an enum: exhaustive `switch`es over it must cover every value or have a default branch.',
    );
  });

  it("two different old schemas now both referencing GPUClustersSharedVolume are one merge, not two renames to the same name", () => {
    const before = head();
    const schemas = ["components", "schemas"];
    const volume = before.getIn([...schemas, "GPUClustersSharedVolume"], true) as { clone(): unknown };
    before.setIn([...schemas, "SharedVolume"], volume.clone());
    before.setIn([...schemas, "SharedVolumeInfo"], volume.clone());
    before.deleteIn([...schemas, "GPUClustersSharedVolume"]);
    before.setIn([...schemas, "GPUClustersSharedVolumes", "properties", "volumes", "items", "$ref"], "#/components/schemas/SharedVolumeInfo");
    for (const [path, method] of [["/compute/clusters/storage/volumes", "post"], ["/compute/clusters/storage/volumes", "put"], ["/compute/clusters/storage/volumes/{volume_id}", "get"]] as const) {
      before.setIn([...responseSchema(path, method), "$ref"], "#/components/schemas/SharedVolume");
    }
    const { changes } = diff(before, head());
    expect(changes.filter((c) => c.kind === "schema-renamed")).toEqual([]);
    const merged = changes.filter((c) => c.message.includes('"GPUClustersSharedVolume"'));
    expect(merged).toEqual([
      {
        kind: "schema-moved",
        location: "schema GPUClustersSharedVolume",
        breaking: false,
        message: expect.stringMatching(/^Schemas "SharedVolume" and "SharedVolumeInfo" are all replaced by "GPUClustersSharedVolume": not a rename/),
      },
    ]);
  });

  it("a response whose component gets inlined (same shape) is mentioned, as a patch", () => {
    const after = head();
    const path = responseSchema("/compute/clusters/storage/volumes/{volume_id}", "delete");
    const component = after.getIn(["components", "schemas", "GPUClustersSharedVolumeDeleteResponse"], true) as { clone(): unknown };
    after.setIn(path, component.clone());
    after.deleteIn(["components", "schemas", "GPUClustersSharedVolumeDeleteResponse"]);
    const { changes } = diff(head(), after);
    expect(changes).toEqual([
      {
        kind: "schema-moved",
        location: "DELETE /compute/clusters/storage/volumes/{volume_id} response 200",
        breaking: false,
        message: 'The response schema is now an inline schema (before: the component "GPUClustersSharedVolumeDeleteResponse"); same shape, so only the generated type\'s name changes.',
      },
    ]);
  });
});
