import { describe, expectTypeOf, it } from "vitest";
import type { FieldOf, RequiredFieldOf } from "../../src/wire.js";

/** A schema as openapi-typescript prints one: required and optional fields, some nullable. */
interface Schema {
  id: string;
  name?: string;
  count: number;
  note: string | null;
  tags?: string[];
}

describe("the keys the wire readers accept", () => {
  it("FieldOf: every key whose type fits, required or not (the opt* readers)", () => {
    expectTypeOf<FieldOf<Schema, string>>().toEqualTypeOf<"id" | "name" | "note">();
    expectTypeOf<FieldOf<Schema, number>>().toEqualTypeOf<"count">();
  });

  it("RequiredFieldOf: only keys the schema requires (the req* readers), so a field made optional stops compiling there", () => {
    expectTypeOf<RequiredFieldOf<Schema, string>>().toEqualTypeOf<"id" | "note">();
    expectTypeOf<RequiredFieldOf<Schema, readonly unknown[]>>().toEqualTypeOf<never>();
  });
});
