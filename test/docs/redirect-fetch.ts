/**
 * Preloaded (`--import`) into every docs block that runs: requests to Together's real servers go to the fake instead
 * (DOCS_FAKE_V1 / DOCS_FAKE_V2), and any other non-loopback request fails, so a docs block can never reach the
 * network. Blocks stay exactly what readers copy: they use the default base URLs and TOGETHER_API_KEY.
 */
const targets: ReadonlyArray<readonly [string, string | undefined]> = [
  ["https://api.together.ai/v1", process.env["DOCS_FAKE_V2"]],
  ["https://manager.cloud.together.ai", process.env["DOCS_FAKE_V1"]],
];
const realFetch = globalThis.fetch;

function redirect(url: string): string {
  for (const [real, fake] of targets) if (fake !== undefined && (url === real || url.startsWith(`${real}/`))) return fake + url.slice(real.length);
  const { hostname } = new URL(url);
  if (hostname !== "127.0.0.1" && hostname !== "localhost" && hostname !== "[::1]") throw new TypeError(`docs block tried to reach ${url}`);
  return url;
}

globalThis.fetch = (input, init) => {
  if (input instanceof Request) return realFetch(new Request(redirect(input.url), input), init);
  return realFetch(redirect(input instanceof URL ? input.href : input), init);
};
