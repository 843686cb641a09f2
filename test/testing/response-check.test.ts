// The fake checks its own 200 answers against the spec (checkResponses, on by default), so a bug in the fake shows up
// as a loud 500 instead of a silently wrong body. Proven here with a spec whose response demands a field the fake
// never sends.
import { expect, test } from "vitest";
import { v1Document, v2Document } from "../../generated/documents.js";
import { startFakeApi } from "../../src/testing/index.js";
import { clientsFor, v2CreateBody } from "./helpers.js";

function v2DemandingAnExtraField(): object {
  const document = structuredClone(v2Document) as unknown as { components: { schemas: { GPUClusterInfo: { required: string[] } } } };
  document.components.schemas.GPUClusterInfo.required.push("field_the_fake_never_sends");
  return document;
}

test.each([true, false])("checkResponses=%s: a response that breaks the spec is caught only when on", async (checkResponses) => {
  const fake = await startFakeApi({ checkResponses, documents: { v1: v1Document, v2: v2DemandingAnExtraField() } });
  try {
    const reply = await clientsFor(fake).v2("POST", "/compute/clusters", v2CreateBody());
    if (checkResponses) {
      expect(reply.status).toBe(500);
      expect(reply.body.error.type).toBe("internal_error");
      expect(reply.body.error.message).toBe(
        "fake bug: v2 GPUClusterService_Create response breaks the spec: (root) must have required property 'field_the_fake_never_sends'",
      );
    } else {
      expect(reply.status).toBe(200);
      expect(reply.body.field_the_fake_never_sends).toBeUndefined();
    }
  } finally {
    await fake.close();
  }
});
