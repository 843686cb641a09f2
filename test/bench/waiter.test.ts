import { describe, expect, it } from "vitest";
import type { BenchResults } from "../../bench/results.js";
import { sdkConsumerCase } from "../../bench/typecheck-vs-sdk.js";
import { measureWaiter } from "../../bench/waiter.js";
import { consumerTargets } from "../../bench/waiter-report.js";

const flat = (value: number) => ({ median: value, p25: value, p75: value, min: value, max: value, count: 1 });

describe("waiter bench", () => {
  it("counts real polls of the fake on a simulated clock: fixed 30 s polling needs 41 GETs for a 20-minute provisioning", async () => {
    const { rows, runs } = await measureWaiter(1);
    expect(runs).toBe(1);
    const [ours, fixed] = rows;
    expect(fixed?.requests.median).toBe(41);
    expect(fixed?.lagSeconds.max).toBeLessThan(30);
    expect(ours?.requests.median).toBeGreaterThan(5);
    expect(ours?.lagSeconds.min).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it("judges the consumer targets from a run's rows", () => {
    const typecheckRow = (name: string, wall: number) => ({ name, command: "", wallMillis: flat(wall), checkMillis: flat(wall / 2), files: 1, types: 1, instantiations: 1 });
    const results = {
      waiter: { readyAfterMinutes: 20, runs: 1, rows: [{ name: "ours", requests: flat(36), lagSeconds: flat(9) }, { name: "fixed", requests: flat(41), lagSeconds: flat(14) }] },
      typecheck: [typecheckRow("this client, published declarations (dist .d.ts)", 900), typecheckRow(sdkConsumerCase.name, 800)],
    } as unknown as BenchResults;
    const [waiter, typecheck] = consumerTargets(results);
    expect(waiter?.verdict).toBe("met");
    expect(typecheck?.verdict).toBe("**missed** (13% over)");
  });
});
