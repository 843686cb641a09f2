import type { AjvCustomizer, Document, Operation, OpenAPIBackend } from "openapi-backend";
import type { FakeErrorDetail } from "./errors.js";

type Ajv = Parameters<AjvCustomizer>[0];
type FormatsPlugin = (ajv: Ajv) => Ajv;

/**
 * The validator libraries are optional peer dependencies: only users of `together-clusters/testing` need them, so
 * installing the client pulls in no other package. Loaded on first use, with an install hint when they are missing.
 */
async function loadValidatorLibraries(): Promise<{ OpenAPIBackend: typeof OpenAPIBackend; addFormats: FormatsPlugin }> {
  try {
    const [backend, formats] = await Promise.all([import("openapi-backend"), import("ajv-formats")]);
    // ajv-formats is CommonJS (`exports.default = plugin`); depending on the loader the default import may be the module object.
    const formatsModule = formats.default as unknown as FormatsPlugin | { default: FormatsPlugin };
    const addFormats = typeof formatsModule === "function" ? formatsModule : formatsModule.default;
    return { OpenAPIBackend: backend.OpenAPIBackend, addFormats };
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error(
      "together-clusters/testing validates every request against the spec with openapi-backend and ajv-formats, " +
        "optional peer dependencies that are not installed. Run: npm install --save-dev openapi-backend@~5.20.1 ajv-formats@^3.0.1",
      { cause: error },
    );
  }
}

const compiled = new WeakMap<object, Promise<SpecValidator>>();

/** An operation of one spec, as the fake routes it. */
export interface SpecOperation {
  readonly operationId: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The spec's path template, e.g. `/compute/clusters/{cluster_id}`. */
  readonly pathTemplate: string;
  /** Path parameters taken from the concrete request path. */
  readonly params: Readonly<Record<string, string>>;
  /** Whether the spec requires the bearer token for it. */
  readonly requiresAuth: boolean;
}

/** A request, reduced to what validation needs. */
export interface IncomingRequest {
  readonly method: string;
  /** Path below the version's root (v2: without the leading `/v1`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: unknown;
}

/**
 * One API version's spec, wired to a real OpenAPI validator (openapi-backend, which compiles the spec's schemas
 * with Ajv and understands OpenAPI parameters, request bodies and responses, for OpenAPI 3.0 and 3.1).
 */
export class SpecValidator {
  readonly #api: OpenAPIBackend;
  readonly #document: Document;

  private constructor(api: OpenAPIBackend, document: Document) {
    this.#api = api;
    this.#document = document;
  }

  /**
   * Loads and compiles a spec. `document` is a parsed OpenAPI object (deep-copied, never mutated). Validators are
   * cached per document object and shared by every fake in the process (they hold no per-request state).
   */
  static create(document: object): Promise<SpecValidator> {
    let validator = compiled.get(document);
    if (!validator) {
      validator = SpecValidator.#compile(document);
      compiled.set(document, validator);
      // A failed compile must not poison the cache for a later, fixed attempt.
      validator.catch(() => compiled.delete(document));
    }
    return validator;
  }

  static async #compile(document: object): Promise<SpecValidator> {
    const definition = structuredClone(document) as Document;
    const { OpenAPIBackend, addFormats } = await loadValidatorLibraries();
    const api = new OpenAPIBackend({
      definition,
      strict: true,
      // `quick` skips openapi-backend's own definition check, which applies OpenAPI 3.0 rules to 3.1 documents and
      // rejects `$ref` with sibling keywords (legal in 3.1, used by the v2 spec). The specs are linted by codegen.
      quick: true,
      validate: true,
      ajvOpts: { allErrors: true, strict: false },
      customizeAjv: (ajv) => {
        addFormats(ajv);
        // The v1 spec is generated from protobuf and marks fields with proto formats Ajv does not know.
        // `enum` only tags enum-valued strings (the `enum` keyword does the checking).
        ajv.addFormat("enum", { type: "string", validate: () => true });
        ajv.addFormat("uint32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff });
        ajv.addFormat("uint64", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= 0 });
        return ajv;
      },
    });
    await api.init();
    // Validators compile lazily, per operation, on first use: eager compilation of both specs costs ~2 s of CPU per
    // process, most of it for operations a given test never calls. The fake's own tests call every operation.
    return new SpecValidator(api, api.document ?? definition);
  }

  /** Every operation as `"METHOD /template"`. */
  routes(): string[] {
    return this.#api.router.getOperations().map((op) => `${op.method.toUpperCase()} ${op.path}`);
  }

  /** The operation a request targets, or `"method-not-allowed"` if only the path exists, or `undefined`. */
  match(method: string, path: string): SpecOperation | "method-not-allowed" | undefined {
    const request = { method: method.toLowerCase(), path, headers: {} };
    const operation = this.#api.router.matchOperation(request);
    if (!operation?.operationId) {
      const otherMethod = ["get", "put", "post", "delete", "patch"].some((m) => this.#api.router.matchOperation({ ...request, method: m }));
      return otherMethod ? "method-not-allowed" : undefined;
    }
    const { params } = this.#api.router.parseRequest(request, operation);
    return {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      pathTemplate: operation.path,
      params: (params ?? {}) as Record<string, string>,
      requiresAuth: this.#requiresAuth(operation),
    };
  }

  /** Validates a request against its operation; returns every problem found (empty when valid). */
  validateRequest(operation: SpecOperation, request: IncomingRequest): FakeErrorDetail[] {
    const result = this.#api.validateRequest(
      {
        method: request.method.toLowerCase(),
        path: request.path,
        query: request.query as Record<string, string | string[]>,
        headers: request.headers as Record<string, string | string[]>,
        body: request.body,
      },
      operation.operationId,
    );
    return (result.errors ?? []).map(toDetail);
  }

  /** Validates a response body against the operation's response schema for `status`; returns the problems. */
  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const operation = this.#api.router.getOperation(operationId);
    if (!operation) return [`unknown operation ${operationId}`];
    const result = this.#api.validator.validateResponse(body, operation, status);
    return (result.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}${describeParams(e.params)}`);
  }

  #requiresAuth(operation: Operation): boolean {
    const requirements = operation.security ?? this.#document.security ?? [];
    // An empty requirement object (`{}`) in the list means "anonymous allowed".
    return requirements.length > 0 && !requirements.some((r) => Object.keys(r).length === 0);
  }
}

interface AjvLikeError {
  readonly instancePath?: string | undefined;
  readonly keyword?: string | undefined;
  readonly message?: string | undefined;
  readonly params?: unknown | undefined;
}

/** Turns an Ajv error on openapi-backend's wrapper object (`/requestBody/x`, `/path/id`, ...) into a located detail. */
function toDetail(error: AjvLikeError): FakeErrorDetail {
  const path = error.instancePath ?? "";
  const [, root = "", rest = ""] = /^\/([^/]*)(.*)$/.exec(path) ?? [];
  const location = LOCATION_OF_ROOT[root];
  let pointer = location === undefined ? path : rest;
  let message = `${error.message ?? error.keyword ?? "invalid"}${describeParams(error.params)}`;
  const missing = error.keyword === "required" && isRecord(error.params) ? error.params.missingProperty : undefined;
  if (typeof missing === "string") {
    if (location === undefined && missing === "requestBody") return { location: "body", pointer: "", message: "a JSON request body is required" };
    // Point at the missing field itself, not at its parent object.
    pointer = `${pointer}/${missing}`;
    message = "is required";
  }
  const extra = error.keyword === "additionalProperties" && isRecord(error.params) ? error.params.additionalProperty : undefined;
  if (typeof extra === "string") {
    pointer = `${pointer}/${extra}`;
    message = "is not declared by the spec";
  }
  if (error.keyword === "parse") message = `is not valid JSON: ${error.message ?? ""}`;
  return { location: location ?? "body", pointer, message };
}

/** openapi-backend validates one wrapper object whose top-level keys are the request parts. */
const LOCATION_OF_ROOT: Readonly<Record<string, FakeErrorDetail["location"]>> = {
  requestBody: "body",
  path: "path",
  query: "query",
  header: "header",
};

function describeParams(params: unknown): string {
  if (!isRecord(params)) return "";
  if (Array.isArray(params.allowedValues)) return ` (allowed: ${params.allowedValues.map(String).join(", ")})`;
  if (typeof params.additionalProperty === "string") return ` (${params.additionalProperty})`;
  return "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
