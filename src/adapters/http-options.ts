/** The openapi-fetch client options both adapters share: the transport's fetch, a plain request carrier, fast serializers. */
import { requestCarrier, type Transport } from "../transport.js";
import { fastSerializers, type DefaultSerializers } from "./serializers.js";

/** Options for `createFetchClient` over `transport`; `defaults` are openapi-fetch's own serializers. */
export function fetchClientOptions(transport: Transport, defaults: DefaultSerializers) {
  return {
    baseUrl: transport.baseUrl,
    fetch: transport.fetchFor(undefined),
    Request: requestCarrier,
    ...fastSerializers(defaults),
  };
}
