/**
 * What an OpenAPI document expects at a location: a schema, a parameter, a response, … A `$ref` must point to the
 * kind of object its position expects (`schema: {$ref: '#/info'}` is refused by load.ts), so a reference can never
 * make openapi-typescript or the normalizer read an Info object, a list of `required` names or an example as a type.
 */
export type ObjectKind = "schema" | "parameter" | "header" | "requestBody" | "response" | "mediaType" | "example" | "pathItem" | "operation" | "other";

const COMPONENT_KINDS: Readonly<Record<string, ObjectKind>> = {
  schemas: "schema",
  parameters: "parameter",
  headers: "header",
  requestBodies: "requestBody",
  responses: "response",
  examples: "example",
  pathItems: "pathItem",
};

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Schema keywords whose value is one schema, and those whose value is a list or map of schemas. */
const SUBSCHEMA = new Set(["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"]);
const SUBSCHEMA_COLLECTIONS = new Set(["properties", "patternProperties", "allOf", "oneOf", "anyOf", "prefixItems", "$defs", "definitions", "dependentSchemas"]);

/** The kind of object at `tokens` (a parsed JSON pointer), following the OpenAPI 3.0/3.1 object model from the root. */
export function kindAt(tokens: readonly string[]): ObjectKind {
  let kind: ObjectKind | "root" | "paths" | "components" = "root";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = (): string | undefined => tokens[++i];
    switch (kind) {
      case "root":
        if (token === "paths" || token === "webhooks") kind = "paths";
        else if (token === "components") kind = "components";
        else return "other";
        break;
      case "paths":
        kind = "pathItem";
        break;
      case "components": {
        const section = COMPONENT_KINDS[token];
        if (section === undefined || next() === undefined) return "other";
        kind = section;
        break;
      }
      case "pathItem":
        if (token === "parameters") kind = next() === undefined ? "other" : "parameter";
        else if (METHODS.has(token)) kind = "operation";
        else return "other";
        break;
      case "operation":
        if (token === "parameters") kind = next() === undefined ? "other" : "parameter";
        else if (token === "requestBody") kind = "requestBody";
        else if (token === "responses") kind = next() === undefined ? "other" : "response";
        else if (token === "callbacks") kind = next() === undefined || next() === undefined ? "other" : "pathItem";
        else return "other";
        break;
      case "parameter":
      case "header":
      case "mediaType":
        if (token === "schema") kind = "schema";
        else if (token === "content" && kind !== "mediaType") kind = next() === undefined ? "other" : "mediaType";
        else if (token === "examples") kind = next() === undefined ? "other" : "example";
        else return "other";
        break;
      case "requestBody":
        if (token === "content") kind = next() === undefined ? "other" : "mediaType";
        else return "other";
        break;
      case "response":
        if (token === "content") kind = next() === undefined ? "other" : "mediaType";
        else if (token === "headers") kind = next() === undefined ? "other" : "header";
        else return "other";
        break;
      case "schema":
        if (SUBSCHEMA.has(token)) kind = "schema";
        else if (SUBSCHEMA_COLLECTIONS.has(token)) kind = next() === undefined ? "other" : "schema";
        else return "other";
        break;
      default:
        return "other";
    }
  }
  return kind === "root" || kind === "paths" || kind === "components" ? "other" : kind;
}

/** Article + name for messages: "a schema", "an example". */
export function kindName(kind: ObjectKind): string {
  const names: Record<ObjectKind, string> = {
    schema: "a schema",
    parameter: "a parameter",
    header: "a header",
    requestBody: "a request body",
    response: "a response",
    mediaType: "a media type",
    example: "an example",
    pathItem: "a path item",
    operation: "an operation",
    other: "no OpenAPI object that can be referenced",
  };
  return names[kind];
}
