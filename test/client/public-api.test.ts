import { expect, test } from "vitest";
import * as api from "../../src/index.js";

test("the public runtime exports are exactly these (an accidental change shows up here)", () => {
  expect(Object.keys(api).sort()).toEqual([
    "AbortedError",
    "AmbiguousCreateError",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ClusterDeletedError",
    "ClusterFailedError",
    "ClustersError",
    "ConflictError",
    "ConnectionError",
    "InvalidResponseError",
    "NotFoundError",
    "RateLimitError",
    "ReadBackError",
    "RequestNotSentError",
    "ResponseTooLargeError",
    "ServerError",
    "TimeoutError",
    "UnsupportedByVersionError",
    "ValidationError",
    "WaitForReadyError",
    "WaitTimeoutError",
    "billingTypeValues",
    "clusterLifecycleValues",
    "clusterStatusValues",
    "clusterTypeValues",
    "compareBackends",
    "createClient",
    "defaultBaseUrls",
    "defaultMaxResponseBytes",
    "display",
    "fromV1DriverToken",
    "gpuTypeValues",
    "isKnown",
    "isKnownValue",
    "isUnrecognized",
    "packageVersion",
    "parseDeprecationHeaders",
    "rawValue",
    "readyGpus",
    "updateApplied",
    "userAgent",
    "v1OnlyClusterStatusValues",
    "valueFor",
    "waitDefaults",
  ]);
});

test("every error class derives from ClustersError and carries its own name", () => {
  const errorClasses = Object.entries(api).filter(([name]) => name.endsWith("Error")) as Array<[string, new (...args: never[]) => Error]>;
  for (const [name, ErrorClass] of errorClasses) {
    expect(ErrorClass.prototype).toBeInstanceOf(Error);
    expect(ErrorClass === api.ClustersError || ErrorClass.prototype instanceof api.ClustersError).toBe(true);
    expect(name).toMatch(/Error$/);
  }
  expect(new api.NotFoundError({ status: 404, requestId: "r" }, undefined).name).toBe("NotFoundError");
  expect(new api.NotFoundError({ status: 404, requestId: "r" }, undefined)).toBeInstanceOf(api.ApiError);
  expect(new api.WaitTimeoutError("m", "c", undefined)).toBeInstanceOf(api.WaitForReadyError);
});

test("the unified value lists come from the v2 spec plus the v1-only states", () => {
  expect(api.gpuTypeValues).toEqual(["H100_SXM", "H200_SXM", "RTX_6000_PCI", "L40_PCIE", "B200_SXM", "H100_SXM_INF"]);
  expect(api.billingTypeValues).toEqual(["RESERVED", "ON_DEMAND", "SCHEDULED_CAPACITY"]);
  expect(api.clusterStatusValues.slice(-3)).toEqual(["Pending", "Queued", "Failed"]);
  expect(api.defaultBaseUrls).toEqual({ v1: "https://manager.cloud.together.ai", v2: "https://api.together.ai/v1" });
});
