import fc from "fast-check";
import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { fastSerializers } from "../../src/adapters/serializers.js";

const { pathSerializer: serializePath, querySerializer: serializeQuery } = fastSerializers({ defaultPathSerializer, createQuerySerializer });

const plain = fc.oneof(fc.string(), fc.integer(), fc.boolean());
const anyValue = fc.oneof(plain, fc.constant(undefined), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), fc.string()));
const name = fc.constantFrom("cluster_id", "volume_id", "a", ".label", ";matrix", "exploded*");

describe("openapi-fetch serializers", () => {
  test("paths come out exactly as openapi-fetch's defaultPathSerializer builds them", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string().map((s) => s.replace(/[{}]/g, "")), name), { maxLength: 3 }), fc.dictionary(name.map((n) => n.replace(/^[.;]|\*$/g, "")), anyValue), (segments, params) => {
        const template = `http://127.0.0.1:1/base${segments.map(([text, param]) => `${text}{${param}}`).join("")}/tail`;
        expect(serializePath(template, params)).toBe(defaultPathSerializer(template, params));
        // A second call answers from the cached split of the template.
        expect(serializePath(template, params)).toBe(defaultPathSerializer(template, params));
      }),
    );
  });

  test("queries come out exactly as openapi-fetch's default query serializer builds them", () => {
    const reference = createQuerySerializer();
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== "__proto__"), anyValue), (query) => {
        expect(serializeQuery(query)).toBe(reference(query));
      }),
    );
  });

  test("a cluster id with reserved characters is percent-encoded in its path segment", () => {
    expect(serializePath("https://api.together.ai/v1/compute/clusters/{cluster_id}", { cluster_id: "a/b?c" })).toBe(
      "https://api.together.ai/v1/compute/clusters/a%2Fb%3Fc",
    );
  });
});
