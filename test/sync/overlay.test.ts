import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { SyncError } from "../../codegen/sync/errors.js";
import { extractCluster } from "../../codegen/sync/extract.js";
import { applyOverlays } from "../../codegen/sync/overlay.js";
import { mergePages } from "../../codegen/sync/pages.js";

const spec = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /compute/clusters:
    get:
      summary: List. # upstream comment
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      required: [node_id, node_name]
      properties:
        node_id: {type: string}
        node_name: {type: string}
        note:
          description: |
            literal block kept
          type: string
`;

function overlay(actions: string): { file: string; text: string } {
  return { file: "specs/overlays/v2-test.yaml", text: `overlay: 1.0.0\ninfo: {title: test, version: 1.0.0}\nactions:\n${actions}` };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SyncError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a SyncError");
}

describe("applyOverlays", () => {
  it("merges objects, appends to arrays and replaces scalars, leaving untouched nodes' comments and styles alone", () => {
    const doc = parseDocument(spec);
    applyOverlays(
      doc,
      [
        overlay(`  - target: $.components.schemas.Node
    description: newer fields
    update:
      required: [phase]
      properties:
        phase: {type: string}
        node_id: {description: the id}
  - target: $.paths['/compute/clusters'].get
    description: newer summary
    update: {summary: List all}
`),
      ],
      "test spec",
    );
    const node = doc.toJS().components.schemas.Node;
    expect(node.required).toEqual(["node_id", "node_name", "phase"]);
    expect(Object.keys(node.properties)).toEqual(["node_id", "node_name", "note", "phase"]);
    expect(node.properties.node_id).toEqual({ type: "string", description: "the id" });
    expect(doc.toJS().paths["/compute/clusters"].get.summary).toBe("List all");
    const text = doc.toString();
    expect(text).toContain("description: |\n            literal block kept");
    expect(text).toContain("responses:");
  });

  it("removes every match of a filter selector, including several entries of one array", () => {
    const doc = parseDocument(spec);
    applyOverlays(
      doc,
      [
        overlay(`  - target: $.components.schemas.Node.required[?@ == 'node_name' || @ == 'node_id']
    description: gone upstream
    remove: true
`),
      ],
      "test spec",
    );
    expect(doc.toJS().components.schemas.Node.required).toEqual([]);
  });

  it("reports every problem in one run: unmatched targets with file:line, missing reasons, bad JSONPath, incompatible merges", () => {
    const doc = parseDocument(spec);
    const problems = problemsOf(() =>
      applyOverlays(
        doc,
        [
          overlay(`  - target: $.paths['/compute/regions']
    description: regions summary
    update: {summary: x}
  - target: $.info
    update: {title: no reason}
  - target: $.[
    description: broken path
    remove: true
  - target: $.components.schemas.Node
    description: required is a list
    update: {required: {a: 1}}
`),
        ],
        "the cluster part of openapi.yaml",
      ),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe("specs/overlays/v2-test.yaml:7: action 2: `description` is required here: say why the spec deviates from upstream");
    expect(problems[1]).toMatch(
      /^specs\/overlays\/v2-test\.yaml:4: action 1 \(target \$\.paths\['\/compute\/regions'\]\): matches nothing in the cluster part of openapi\.yaml\. The deviation "regions summary" no longer applies/,
    );
    expect(problems[2]).toMatch(/^specs\/overlays\/v2-test\.yaml:9: action 3 \(target \$\.\[\): invalid JSONPath/);
    expect(problems[3]).toMatch(/:12: action 4 .*cannot merge object into the array at \$\['components'\]\['schemas'\]\['Node'\]\['required'\]/);
  });

  it("refuses an update that recreates, from a fragment, a schema upstream no longer has (a removed or renamed field)", () => {
    // The overlay amended upstream's `node_name`; upstream has renamed it to `name` since.
    const renamed = spec.replace("node_name: {type: string}", "name: {type: string}");
    const amend = overlay(`  - target: $.components.schemas.Node
    description: newer fields, and a description for node_name
    update:
      properties:
        phase: {type: string}
        node_name:
          description: The node's name.
`);
    const problems = problemsOf(() =>
      applyOverlays(
        parseDocument(renamed),
        [
          amend,
        ],
        "the cluster part of openapi.yaml",
      ),
    );
    expect(problems).toEqual([
      "specs/overlays/v2-test.yaml:4: action 1 (target $.components.schemas.Node): line 9 creates $['components']['schemas']['Node']['properties']['node_name'], " +
        "which the cluster part of openapi.yaml does not have, from `description` alone (no type, $ref or composition): it amends a schema that upstream has " +
        "removed or renamed. Delete that part of the update (or move it to the new name); if the schema is meant to be new, define it.",
    ]);
    // Against the upstream it was written for, the same action applies: node_name exists, phase is defined.
    const doc = parseDocument(spec);
    expect(applyOverlays(doc, [amend], "s")).toHaveLength(1);
    expect(doc.getIn(["components", "schemas", "Node", "properties", "node_name", "description"])).toBe("The node's name.");
  });

  it("refuses an x-only-if-absent reconstruction once upstream publishes what it reconstructs, naming what is there now", () => {
    const reconstruction = overlay(`  - target: $.paths
    description: the list operation has no published page; reconstructed
    x-only-if-absent: true
    update:
      /compute/clusters:
        get: {summary: Reconstructed list., responses: {'200': {description: OK}}}
`);
    const problems = problemsOf(() => applyOverlays(parseDocument(spec), [reconstruction], "the v1 pages"));
    expect(problems).toEqual([
      "specs/overlays/v2-test.yaml:4: action 1 (target $.paths): is marked x-only-if-absent, but the v1 pages now has $['paths']['/compute/clusters'] (line 8): " +
        "upstream publishes what this action reconstructs, so delete the action (and any action only it needed).",
    ]);
    // While upstream lacks it, the reconstruction applies as an ordinary update.
    const without = parseDocument(spec.replace("/compute/clusters:", "/compute/other:"));
    expect(applyOverlays(without, [reconstruction], "the v1 pages")).toHaveLength(1);
    expect(without.getIn(["paths", "/compute/clusters", "get", "summary"])).toBe("Reconstructed list.");
    const notAnObject = problemsOf(() =>
      applyOverlays(parseDocument(spec), [overlay("  - target: $.paths\n    description: nothing to check\n    x-only-if-absent: true\n    remove: true\n")], "s"),
    );
    expect(notAnObject).toEqual(["specs/overlays/v2-test.yaml:4: action 1: `x-only-if-absent` needs an `update` object (its keys are what must be absent)"]);
  });

  it("rejects a document that is not Overlay 1.0", () => {
    const problems = problemsOf(() => applyOverlays(parseDocument(spec), [{ file: "o.yaml", text: "overlay: 2.0.0\ninfo: {title: x, version: 1}\nactions: []\n" }], "s"));
    expect(problems).toEqual([
      'o.yaml:1: `overlay` must be a 1.0.x version (OpenAPI Overlay 1.0), found "2.0.0"',
      "o.yaml:3: `actions` must be a non-empty list",
    ]);
  });
});

describe("extractCluster", () => {
  const whole = `openapi: 3.1.0
info: {title: t, version: '1'}
security: [{bearerAuth: []}]
paths:
  /deployments:
    get: {responses: {'200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Deployment'}}}}}}
  /compute/clusters:
    # kept with its comment
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Create'}}}}
      responses: {'200': {$ref: '#/components/responses/Ok'}}
  /compute/clustersX: {get: {responses: {'200': {description: OK}}}}
components:
  schemas:
    Deployment: {type: object}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}]
      discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/Dog'}}
    Cat: {type: object}
    Dog: {type: object}
    Create:
      type: object
      properties: {pet: {$ref: '#/components/schemas/Pet'}}
  responses:
    Ok: {description: OK}
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
    apiKey: {type: apiKey, in: header, name: k}
`;

  it("keeps the paths under the prefixes and every component they reach (refs, discriminator mappings, security schemes)", () => {
    const doc = extractCluster(parseDocument(whole), ["/compute/clusters"], "openapi.yaml");
    const js = doc.toJS();
    expect(Object.keys(js.paths)).toEqual(["/compute/clusters"]);
    expect(Object.keys(js.components.schemas)).toEqual(["Pet", "Cat", "Dog", "Create"]);
    expect(Object.keys(js.components.responses)).toEqual(["Ok"]);
    expect(Object.keys(js.components.securitySchemes)).toEqual(["bearerAuth"]);
    expect(doc.toString()).toContain("# kept with its comment");
  });

  it("fails when no path matches, naming the prefixes", () => {
    expect(problemsOf(() => extractCluster(parseDocument(whole), ["/v9/"], "openapi.yaml"))).toEqual([
      "openapi.yaml: no path starts with /v9/; is this the right upstream document?",
    ]);
  });
});

describe("mergePages", () => {
  const page = (path: string, schema: string) =>
    parseDocument(`openapi: 3.0.3
info: {title: '', version: 0.0.1}
paths:
  ${path}: {get: {responses: {'200': {description: OK}}}}
components:
  schemas:
    Shared: ${schema}
`);

  it("merges operations and keeps one copy of a schema the pages share", () => {
    const merged = mergePages([
      { file: "a.yaml", doc: page("/api/v1/a", "{type: object}") },
      { file: "b.yaml", doc: page("/api/v1/b", "{type: object}") },
    ]).toJS();
    expect(Object.keys(merged.paths)).toEqual(["/api/v1/a", "/api/v1/b"]);
    expect(Object.keys(merged.components.schemas)).toEqual(["Shared"]);
  });

  it("names both files when two pages disagree on a schema or repeat an operation", () => {
    expect(
      problemsOf(() =>
        mergePages([
          { file: "a.yaml", doc: page("/api/v1/a", "{type: object}") },
          { file: "b.yaml", doc: page("/api/v1/a", "{type: string}") },
        ]),
      ),
    ).toEqual([
      "b.yaml: GET /api/v1/a is also in a.yaml",
      "b.yaml: components/schemas/Shared differs from the copy in a.yaml; record which one is right in an overlay",
    ]);
    // With their lines, as sync reads pages (each node's offset in its own page's text).
    const located = (file: string, schema: string) => {
      const lineCounter = new LineCounter();
      const text = `openapi: 3.0.3\ninfo: {title: '', version: 0.0.1}\npaths:\n  /api/v1/a: {get: {responses: {'200': {description: OK}}}}\ncomponents:\n  schemas:\n    Shared: ${schema}\n`;
      const doc = parseDocument(text, { lineCounter });
      const lineOf = (node: unknown) => {
        const range = (node as { range?: [number, number, number] } | undefined)?.range;
        return range === undefined ? undefined : lineCounter.linePos(range[0]).line;
      };
      return { file, doc, lineOf };
    };
    expect(problemsOf(() => mergePages([located("a.yaml", "{type: object}"), located("b.yaml", "{type: string}")]))).toEqual([
      "b.yaml:4: GET /api/v1/a is also in a.yaml:4",
      "b.yaml:7: components/schemas/Shared differs from the copy in a.yaml:7; record which one is right in an overlay",
    ]);
  });
});
