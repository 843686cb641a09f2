/**
 * Fault matrix over create, get, update and delete, on both API versions, against the fake API with real HTTP.
 *
 * Every cell injects one fault on one operation's route and asserts: the outcome is the expected one (success, or a
 * typed error of the expected class), no cluster name exists twice, and a successful update is what the fake holds
 * once every request the client sent has landed (no lost update). The tallies are printed as a table at the end.
 */
import { afterAll, describe, expect, test } from "vitest";
import type { ApiVersion, Client, Cluster, DeletedCluster } from "../../src/index.js";
import type { FakeApi } from "../../src/testing/index.js";
import { emptyFigures, expectedOutcome, matrixFaults, matrixOperations, type MatrixFault, type MatrixFigures, type MatrixOperation } from "./fault-matrix.js";
import { clientFor, clustersNamed, createInputFor, isTypedError, outcomeName, routes, settle, slowLatencyMs, useAlignedFake, type Outcome } from "./helpers.js";

const versions = ["v1", "v2"] as const satisfies readonly ApiVersion[];
const callBudgetMs = 10_000;
const figures: Record<ApiVersion, MatrixFigures> = { v1: emptyFigures(), v2: emptyFigures() };
const rows: string[] = [];

let fake: FakeApi;
useAlignedFake((started) => (fake = started));
afterAll(() => printFigures());

/** Counts the requests a client sends, so a cell can wait until the fake has handled (or dropped) every one. */
function countingClient(version: ApiVersion): { client: Client; sent: () => number } {
  let sent = 0;
  const client = clientFor(fake, version, {
    deadlineMs: callBudgetMs,
    fetch: (input, init) => {
      sent++;
      return globalThis.fetch(input, init);
    },
  });
  return { client, sent: () => sent };
}

/** Waits until the fake has logged `count` requests: an attempt the client gave up on may still be applied late. */
async function untilLanded(count: number): Promise<void> {
  for (let waited = 0; fake.requests.length < count; waited += 10) {
    if (waited > 20_000) throw new Error(`the fake logged ${fake.requests.length} of ${count} requests`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function seedCluster(version: ApiVersion, name: string): string {
  return fake.state.createCluster({
    name,
    region: "us-central-8",
    gpuType: "H100_SXM",
    numGpus: 8,
    billingType: "RESERVED",
    driver: { cudaVersion: "12.6", nvidiaDriverVersion: "560" },
    durationDays: 1,
    createdVia: version,
  }).id;
}

/** The failure that carries an HTTP answer (status), looking through wrappers such as AmbiguousCreateError. */
function answeredFailure(error: unknown): { status: number; requestId: string | undefined } | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("status" in current && typeof current.status === "number") return current as unknown as { status: number; requestId: string | undefined };
  }
  return undefined;
}

const routeOf = (version: ApiVersion, operation: MatrixOperation) =>
  routes[version][operation === "create+recover" ? "create" : operation];

async function runCell(version: ApiVersion, operation: MatrixOperation, fault: MatrixFault, name: string) {
  fake.reset();
  const target = operation.startsWith("create") ? undefined : seedCluster(version, name);
  const { client, sent } = countingClient(version);
  fake.faults.inject({ route: routeOf(version, operation), ...fault.spec });
  const call = (): Promise<Cluster | DeletedCluster> => {
    switch (operation) {
      case "create":
        return client.clusters.create(createInputFor(name));
      case "create+recover":
        // The settle must outlast a create the server is still sitting on, or recovery would look too early.
        return client.clusters.create(createInputFor(name), { recover: true, recoverSettleMs: fault.spec.latencyMs === undefined ? 20 : slowLatencyMs });
      case "get":
        return client.clusters.get(target!);
      case "update":
        return client.clusters.update(target!, { num_gpus: 16 });
      case "delete":
        return client.clusters.delete(target!);
    }
  };
  const outcome: Outcome<Cluster | DeletedCluster> = await settle(call());
  await untilLanded(sent());
  return { outcome, target, fired: fake.faults.firedCount };
}

describe.each(versions)("fault matrix on %s", (version) => {
  const cells = matrixOperations.flatMap((operation) => matrixFaults.map((fault, index) => ({ operation, fault, index })));

  test.each(cells)("$operation under $fault.name", async ({ operation, fault, index }) => {
    const name = `m-${version}-${operation.replace("+", "-")}-${index}`;
    const { outcome, target, fired } = await runCell(version, operation, fault, name);
    const tally = figures[version];
    tally.cells++;
    tally.faultsFired += fired;
    if (outcome.ok) tally.ok++;
    else if (isTypedError(outcome.error)) tally.typedErrors++;
    else tally.untypedErrors++;

    const clusters = clustersNamed(fake, name);
    if (operation.startsWith("create")) tally.duplicateClusters += Math.max(0, clusters - 1);
    let finalGpus: number | undefined;
    if (operation === "update" && target !== undefined) {
      finalGpus = fake.state.getCluster(target).numGpus;
      if (outcome.ok && finalGpus !== 16) tally.lostUpdates++;
    }
    rows.push(`${version} | ${operation} | ${fault.name} | ${fired} | ${outcomeName(outcome)} | ${clusters}`);

    // Every failure is one of ours, never a raw SyntaxError / TypeError / DOMException, and an answered failure
    // names the server's request id (for a support ticket).
    if (!outcome.ok) {
      expect(outcome.error, String(outcome.error)).toSatisfy(isTypedError);
      const answered = answeredFailure(outcome.error);
      if (answered !== undefined) expect(answered.requestId, String(outcome.error)).toMatch(/\S/);
    }
    expect(fired, "the fault fired").toBeGreaterThanOrEqual(1);

    const expected = expectedOutcome(operation, fault);
    if (expected === "ok") expect(outcome, outcome.ok ? "" : String(outcome.error)).toMatchObject({ ok: true });
    else expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(expected);

    switch (operation) {
      case "create":
        // Never sent twice: the cluster exists exactly when the one request was carried out.
        expect(clusters).toBe(outcome.ok || fault.applied ? 1 : 0);
        expect(fake.requests.filter((r) => r.route === routeOf(version, operation))).toHaveLength(1);
        break;
      case "create+recover":
        expect(clusters).toBeLessThanOrEqual(1);
        if (outcome.ok) {
          expect(clusters).toBe(1);
          expect((outcome.value as Cluster).cluster_id).toBe(fake.state.listClusters()[0]?.id);
          expect((outcome.value as Cluster).cluster_name).toBe(name);
        }
        break;
      case "get":
        if (outcome.ok) expect(outcome.value).toMatchObject({ cluster_id: target, cluster_name: name });
        break;
      case "update":
        if (outcome.ok) {
          expect((outcome.value as Cluster).num_gpus).toBe(16);
          expect(finalGpus, "lost update").toBe(16);
        } else {
          expect([8, 16]).toContain(finalGpus);
        }
        break;
      case "delete":
        if (outcome.ok) {
          expect(outcome.value).toEqual({ cluster_id: target });
          expect(fake.state.getCluster(target!).deletingSince).toBeDefined();
        }
        break;
    }
  });
});

function printFigures(): void {
  const header = "version | operation | fault | faults fired | outcome | clusters with the name";
  const summary = versions.map((v) => {
    const f = figures[v];
    return `${v}: ${f.cells} cells, ${f.faultsFired} faults fired, ${f.ok} ok, ${f.typedErrors} typed errors, ${f.untypedErrors} untyped errors, ${f.duplicateClusters} duplicate clusters, ${f.lostUpdates} lost updates`;
  });
  console.log(["fault matrix (test/reliability/fault-matrix.test.ts)", header, ...rows, "", ...summary].join("\n"));
}
