/**
 * The Response the transport hands back after reading a body under the size cap. Building a Response over bytes makes
 * a WHATWG ReadableStream, and reading it back goes through that stream: about half the cost the client adds per call
 * (bench/analysis.md). This Response keeps the bytes instead and answers text/json/arrayBuffer from them; the stream
 * is made only when something asks for `body`, `blob()` or `formData()`, and from then on the real Response answers.
 */
/** Stateless without `{ stream: true }`, so one decoder serves every answer. */
const utf8 = new TextDecoder();

export class ReadResponse extends Response {
  #payload: Uint8Array<ArrayBuffer> | string;
  #used = false;
  /** A real Response over the payload, once something needs its stream. */
  #streamed: Response | undefined;

  constructor(payload: Uint8Array<ArrayBuffer> | string, init: ResponseInit) {
    super(null, init);
    this.#payload = payload;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#stream().body;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#streamed?.bodyUsed ?? false);
  }

  override text(): Promise<string> {
    if (this.#streamed !== undefined) return this.#streamed.text();
    return this.#take(() => (typeof this.#payload === "string" ? this.#payload : utf8.decode(this.#payload)));
  }

  override json(): Promise<unknown> {
    if (this.#streamed !== undefined) return this.#streamed.json();
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed !== undefined) return this.#streamed.arrayBuffer();
    return this.#take(() => (typeof this.#payload === "string" ? new TextEncoder().encode(this.#payload) : this.#payload.slice()).buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  override blob(): Promise<Blob> {
    return this.#stream().blob();
  }

  override formData(): Promise<FormData> {
    return this.#stream().formData();
  }

  override clone(): Response {
    return this.#stream().clone();
  }

  #take<T>(read: () => T): Promise<T> {
    if (this.#used) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#used = true;
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #stream(): Response {
    if (this.#streamed === undefined) {
      // Once read through text()/json()/arrayBuffer(), the stream is an empty, used one, as on a real Response.
      const streamed = new Response(this.#payload, { status: this.status, statusText: this.statusText, headers: this.headers });
      if (this.#used) void streamed.arrayBuffer();
      this.#streamed = streamed;
    }
    return this.#streamed;
  }
}
