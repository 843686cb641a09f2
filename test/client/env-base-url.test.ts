/**
 * `baseUrl` from the environment when the option is not given (TOGETHER_BASE_URL for v2, the together-ai SDK's
 * variable; TOGETHER_V1_BASE_URL for v1), so code that calls `createClient({ apiVersion })` (what the codemod writes)
 * runs against the fake or a proxy unchanged. The value is held to the option's rules, named by its variable.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createClient, ValidationError } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { createInput } from "./fixtures.js";

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeApi({ port: undefined });
});
afterAll(() => fake.close());
afterEach(() => vi.unstubAllEnvs());

const variables = { v1: "TOGETHER_V1_BASE_URL", v2: "TOGETHER_BASE_URL" } as const;

describe.each(["v1", "v2"] as const)("%s", (version) => {
  test(`${variables[version]} points a client created without baseUrl at the fake`, async () => {
    fake.reset();
    vi.stubEnv("TOGETHER_API_KEY", fake.apiKey);
    vi.stubEnv(variables[version], fake.urls[version]);
    // The other version's variable is not read.
    vi.stubEnv(variables[version === "v1" ? "v2" : "v1"], "https://elsewhere.example");
    const client = createClient({ apiVersion: version, onDeprecation: false });
    expect(client.baseUrl).toBe(fake.urls[version]);
    const created = await client.clusters.create({ ...createInput, cluster_name: `env-${version}` });
    expect((await client.clusters.get(created.cluster_id)).cluster_name).toBe(`env-${version}`);
  });

  test("the option wins over the variable, and an empty variable means the default", () => {
    vi.stubEnv(variables[version], "https://proxy.example/clusters");
    expect(createClient({ apiVersion: version, apiKey: "k", baseUrl: fake.urls[version], onDeprecation: false }).baseUrl).toBe(fake.urls[version]);
    expect(createClient({ apiVersion: version, apiKey: "k", onDeprecation: false }).baseUrl).toBe("https://proxy.example/clusters");
    vi.stubEnv(variables[version], "");
    expect(createClient({ apiVersion: version, apiKey: "k", onDeprecation: false }).baseUrl).toBe(version === "v2" ? "https://api.together.ai/v1" : "https://manager.cloud.together.ai");
  });

  test("the other version's Together server is refused, from the variable (v1 code often keeps its server there) or the option", () => {
    const other = version === "v1" ? "https://api.together.ai/v1" : "https://manager.cloud.together.ai";
    const otherHost = new URL(other).host;
    vi.stubEnv(variables[version], other);
    expect(() => createClient({ apiVersion: version, apiKey: "k", onDeprecation: false })).toThrow(`baseUrl (from ${variables[version]}): is the ${version === "v1" ? "v2" : "v1"} server (${otherHost})`);
    vi.stubEnv(variables[version], "");
    expect(() => createClient({ apiVersion: version, apiKey: "k", baseUrl: other, onDeprecation: false })).toThrow(`baseUrl: is the ${version === "v1" ? "v2" : "v1"} server (${otherHost})`);
  });

  test("a variable the option's rules refuse is named in the error (the key never goes in clear)", () => {
    vi.stubEnv(variables[version], "http://collector.example");
    const refused = (() => {
      try {
        createClient({ apiVersion: version, apiKey: "k", onDeprecation: false });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { path: `baseUrl (from ${variables[version]})`, message: "plain http is allowed only for loopback hosts (the API key would travel in clear to collector.example)" },
    ]);
  });
});
