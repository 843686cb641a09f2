import { describe, expect, it } from "vitest";
import { runInterleaved } from "../../bench/calls/interleave.js";

describe("interleaved block timing", () => {
  it("runs every contender once per round in a shuffled order and keeps one sample per round", async () => {
    const order: string[] = [];
    const recorder = (name: string) => ({ name, call: async () => void order.push(name) });
    const samples = await runInterleaved([recorder("a"), recorder("b"), recorder("c")], { warmupCalls: 1, rounds: 60, callsPerBlock: 2 });
    // Warm-up: one call each in list order; then blocks of two calls per contender per round.
    expect(order.slice(0, 3).join("")).toBe("abc");
    const blocks = order.slice(3).join("").match(/(.)\1/g)!;
    expect(blocks).toHaveLength(180);
    const rounds = Array.from({ length: 60 }, (_, round) => blocks.slice(round * 3, round * 3 + 3).map((block) => block[0]).join(""));
    expect(rounds.every((round) => [...round].sort().join("") === "abc")).toBe(true);
    // Shuffled, not rotated: over 60 rounds every one of the 6 orders shows up, so no contender always follows the same one.
    expect(new Set(rounds).size).toBe(6);
    expect([...samples.keys()]).toEqual(["a", "b", "c"]);
    for (const perRound of samples.values()) {
      expect(perRound).toHaveLength(60);
      expect(perRound.every((micros) => micros > 0)).toBe(true);
    }
  });

  it("repeats the same orders for the same seed", async () => {
    const run = async (seed: number) => {
      const order: string[] = [];
      const recorder = (name: string) => ({ name, call: async () => void order.push(name) });
      await runInterleaved([recorder("a"), recorder("b"), recorder("c"), recorder("d")], { warmupCalls: 0, rounds: 20, callsPerBlock: 1, seed });
      return order.join("");
    };
    expect(await run(7)).toBe(await run(7));
    expect(await run(7)).not.toBe(await run(8));
  });

  it("refuses two contenders with one name, since their samples would mix", async () => {
    const call = async () => undefined;
    await expect(runInterleaved([{ name: "x", call }, { name: "x", call }], { warmupCalls: 0, rounds: 1, callsPerBlock: 1 })).rejects.toThrow(
      /names must be unique, got x, x/,
    );
  });
});
