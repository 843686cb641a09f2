import { describe, expect, it } from "vitest";
import { runInterleaved } from "../../bench/calls/interleave.js";

describe("interleaved block timing", () => {
  it("rotates which contender starts each round and keeps one sample per round", async () => {
    const order: string[] = [];
    const recorder = (name: string) => ({ name, call: async () => void order.push(name) });
    const samples = await runInterleaved([recorder("a"), recorder("b"), recorder("c")], { warmupCalls: 1, rounds: 3, callsPerBlock: 2 });
    // Warm-up: one call each in list order; then blocks of two calls, start rotating a → b → c.
    expect(order.join("")).toBe("abc" + "aabbcc" + "bbccaa" + "ccaabb");
    expect([...samples.keys()]).toEqual(["a", "b", "c"]);
    for (const perRound of samples.values()) {
      expect(perRound).toHaveLength(3);
      expect(perRound.every((micros) => micros > 0)).toBe(true);
    }
  });

  it("refuses two contenders with one name, since their samples would mix", async () => {
    const call = async () => undefined;
    await expect(runInterleaved([{ name: "x", call }, { name: "x", call }], { warmupCalls: 0, rounds: 1, callsPerBlock: 1 })).rejects.toThrow(
      /names must be unique, got x, x/,
    );
  });
});
