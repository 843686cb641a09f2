import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { v1Document, v2Document } from "../../generated/documents.js";
import type { FakeRegion } from "./catalog.js";
import { CorsPolicy, type CorsOrigins } from "./cors.js";
import { DeprecationPlan, type FakeDeprecationOptions } from "./deprecation.js";
import { DEFAULT_START_TIME, FakeClock, type ClockMode } from "./clock.js";
import { FaultInjector } from "./faults.js";
import { v1Handlers } from "./handlers-v1.js";
import { v2Handlers } from "./handlers-v2.js";
import { handleRequest, type MountedVersion, type RequestLogEntry } from "./server.js";
import { answerOutsideThePipeline } from "./socket-answers.js";
import { FakeState } from "./state.js";
import { SpecValidator } from "./validation.js";

/** Hosts the fake may bind: loopback only, never a routable interface. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1"]);

/** Options of {@link startFakeApi}. */
export interface FakeApiOptions {
  /** TCP port. @default 0 (a free port chosen by the OS) */
  readonly port?: number | undefined;
  /** Loopback address to bind: `127.0.0.1` or `::1`. Anything else is refused. @default "127.0.0.1" */
  readonly host?: string | undefined;
  /** The bearer token the fake accepts; any other (or none) gets 401. @default "test-key" */
  readonly apiKey?: string | undefined;
  /** How fake time moves. @default { mode: "on-poll" } */
  readonly clock?: ClockMode | undefined;
  /**
   * Fake time at start, epoch ms. Pass `Date.now()` when code under test compares server timestamps with the wall
   * clock. @default DEFAULT_START_TIME (2026-01-01T00:00:00Z, so timestamps are reproducible)
   */
  readonly startTime?: number | undefined;
  /** Fake time a cluster spends in each provisioning phase (and in Deleting), in ms. @default 60_000 */
  readonly phaseDurationMs?: number | undefined;
  /** Regions, GPU types and driver pairs on offer. @default DEFAULT_REGIONS */
  readonly regions?: readonly FakeRegion[] | undefined;
  /**
   * Check every 200 response against the spec's response schema and answer 500 if it does not conform
   * (a bug in the fake, never in your code). @default true
   */
  readonly checkResponses?: boolean | undefined;
  /**
   * Browser pages allowed to call the fake (CORS): `"loopback"` = any page served from localhost, 127.0.0.1 or [::1];
   * `"*"` = any page; or exact origins. Preflights are answered, and answers expose `x-request-id` and the hint and
   * deprecation headers. @default "loopback"
   */
  readonly corsOrigins?: CorsOrigins | undefined;
  /**
   * Routes that announce their deprecation with `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link`
   * rel="deprecation" / rel="sunset" headers, per version or per route. @default none
   */
  readonly deprecation?: FakeDeprecationOptions | undefined;
  /** Spec documents to serve instead of the vendored ones (parsed OpenAPI objects). */
  readonly documents?: { readonly v1?: object; readonly v2?: object } | undefined;
}

/** A running fake Together API. */
export interface FakeApi {
  /** Base URLs to give clients: `v1` = origin of `/api/v1/...`; `v2` = `<origin>/v1`, the v2 server URL. */
  readonly urls: { readonly v1: string; readonly v2: string };
  /** The bearer token the fake accepts. */
  readonly apiKey: string;
  /** The shared v1/v2 state: clusters, volumes, regions; `tick()`, `setStatus()`, `reset()`. */
  readonly state: FakeState;
  /** The fake's clock: `advance(ms)`, `setMode(...)`. */
  readonly clock: FakeClock;
  /** Fault injection: `inject(...)`, `clear()`, `fired`, `firedCount`. */
  readonly faults: FaultInjector;
  /** Every request served so far, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Clears state, faults and the request log (the clock keeps its time). Call between tests. */
  reset(): void;
  /** Stops listening, drops open connections and cancels pending latency. Resolves once the port is closed. */
  close(): Promise<void>;
}

/**
 * Starts a fake Together GPU-cluster API on loopback serving the v1 and v2 routes of the vendored specs from one
 * shared state. Every request is checked against its version's spec by a real OpenAPI validator.
 *
 * @example
 * ```ts
 * const fake = await startFakeApi();
 * const client = createClient({ apiVersion: "v2", baseUrl: fake.urls.v2, apiKey: fake.apiKey });
 * // ... fake.state.tick() to move clusters along; fake.faults.inject({ route: "*", status: 503 }) ...
 * await fake.close();
 * ```
 */
export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new TypeError(`startFakeApi: host must be a loopback address (127.0.0.1 or ::1), got ${JSON.stringify(host)}`);
  }
  const apiKey = options.apiKey ?? "test-key";
  if (apiKey === "") throw new TypeError("startFakeApi: apiKey must not be empty");
  const cors = new CorsPolicy(options.corsOrigins);

  const [v1Validator, v2Validator] = await Promise.all([
    SpecValidator.create(options.documents?.v1 ?? v1Document),
    SpecValidator.create(options.documents?.v2 ?? v2Document),
  ]);
  const versions: MountedVersion[] = [
    { version: "v1", prefix: "", validator: v1Validator, handlers: v1Handlers },
    { version: "v2", prefix: "/v1", validator: v2Validator, handlers: v2Handlers },
  ];
  const clock = new FakeClock(options.clock, options.startTime ?? DEFAULT_START_TIME);
  const state = new FakeState(clock, {
    ...(options.phaseDurationMs !== undefined ? { phaseDurationMs: options.phaseDurationMs } : {}),
    ...(options.regions !== undefined ? { regions: options.regions } : {}),
  });
  const faults = new FaultInjector([...v1Validator.routes(), ...v2Validator.routes()]);
  const deprecation = new DeprecationPlan(options.deprecation, { v1: v1Validator.routes(), v2: v2Validator.routes() });
  const log: RequestLogEntry[] = [];
  const sleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (sleeps.delete(entry), resolve()), ms), resolve };
      sleeps.add(entry);
    });

  let requestSerial = 0;
  const nextRequestId = () => `fake-req-${String(++requestSerial).padStart(6, "0")}`;
  const context = { state, faults, versions, apiKey, cors, deprecation, checkResponses: options.checkResponses ?? true, log, sleep, nextRequestId };
  const server = createServer((req, res) => {
    // handleRequest answers every failure itself and never rejects; this guard only keeps a bug of the fake from
    // becoming an unhandled rejection that would crash the test process.
    handleRequest(context, req, res).catch(() => res.destroy());
  });
  answerOutsideThePipeline(server, nextRequestId);
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    urls: { v1: origin, v2: `${origin}/v1` },
    apiKey,
    state,
    clock,
    faults,
    get requests() {
      return [...log];
    },
    reset() {
      state.reset();
      faults.clear();
      log.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const entry of sleeps) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        sleeps.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
