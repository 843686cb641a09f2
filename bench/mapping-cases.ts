/**
 * What the mapping benchmark times: this client's v1 → unified cluster
 * mapping (src/mappings/v1.ts, as built for publishing), the v2 one beside
 * it, and JSON.parse of the same v1 bodies for scale.
 */
import type { ResponseInfo } from "../src/errors.js";
import type { BuiltClient } from "./lib/built-client.js";
import { v2ClusterBody } from "./fixtures/cluster-bodies.js";
import { v1ClusterVariantTexts } from "./fixtures/v1-variants.js";
import type { MappingCase } from "./mapping.js";

const okInfo: ResponseInfo = { status: 200, requestId: undefined };
const parsedV1 = v1ClusterVariantTexts.map((text) => JSON.parse(text) as unknown);
const parsedV2 = [JSON.parse(JSON.stringify(v2ClusterBody)) as unknown];

/** Row name of the v1 mapping, the figure the issue asks for. */
export const V1_MAPPING = "v1 cluster body → unified Cluster (clusterFromV1)";

/** Every mapping case, in report order, over the built client's mappers. */
export function mappingCases(client: BuiltClient): readonly MappingCase[] {
  const { clusterFromV1 } = client.mappingsV1;
  const { clusterFromV2 } = client.mappingsV2;
  return [
    { name: V1_MAPPING, inputs: parsedV1, map: (body) => clusterFromV1(okInfo, body, "$") },
    { name: "v2 cluster body → unified Cluster (clusterFromV2)", inputs: parsedV2, map: (body) => clusterFromV2(okInfo, body, "$") },
    { name: "JSON.parse of the same v1 bodies (for scale)", inputs: v1ClusterVariantTexts, map: (text) => JSON.parse(text as string) },
  ];
}
