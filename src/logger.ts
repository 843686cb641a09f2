/**
 * Optional logging of what the client sends: one line per attempt (method, URL, status, time, attempt), retries and
 * give-ups. Lines never carry headers or bodies, so neither the API key nor a kube_config can reach a log, and every
 * line is scrubbed of the key besides (a server may put it into a URL through a redirect).
 */

/** Severity, from chattiest to quietest. */
export const logLevelValues = ["debug", "info", "warn", "error", "off"] as const;
/** A log level, see {@link logLevelValues}. */
export type LogLevel = (typeof logLevelValues)[number];

/** Where log lines go; `console` fits. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that writes only lines at or above `level`. */
export type LevelledLog = (level: Exclude<LogLevel, "off">, message: () => string) => void;

const rank: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** True when `value` names a level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && Object.hasOwn(rank, value);
}

/**
 * The effective log function. `level` comes from the option, else from `TOGETHER_LOG` (e.g. `TOGETHER_LOG=debug`),
 * else "off" when no logger was given and "warn" when one was. Messages are built only when written.
 */
export function createLog(logger: Logger | undefined, level: LogLevel | undefined, scrub: (text: string) => string): LevelledLog | undefined {
  const fromEnv = globalThis.process?.env?.["TOGETHER_LOG"];
  const chosen: LogLevel = level ?? (isLogLevel(fromEnv) ? fromEnv : logger === undefined ? "off" : "warn");
  if (chosen === "off") return undefined;
  const sink = logger ?? console;
  const threshold = rank[chosen];
  return (lineLevel, message) => {
    if (rank[lineLevel] >= threshold) sink[lineLevel](`[together-clusters] ${scrub(message())}`);
  };
}
