import {
  parseAllowedHosts,
  parseAllowedOrigins,
  type AllowedHosts,
} from "@repo/http-guard";
import { parseTrustProxy, type TrustProxy } from "@repo/lifecycle";

/** What both demos push every few seconds, unless PUSH_TEXT says otherwise. */
export const DEFAULT_PUSH_TEXT = "Hello from the server";

/** Everything the server reads from its environment, checked once at start. */
export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly pushIntervalMs: number;
  /**
   * PUSH_TEXT: the text of every push. Both apps push DEFAULT_PUSH_TEXT
   * when it is unset, so that their pages and their bytes per push compare
   * the transports, not the greetings.
   */
  readonly pushText: string;
  /** ws: ping interval. Socket.IO: pingInterval and pingTimeout, when set. */
  readonly heartbeatMs: number;
  /** Whether HEARTBEAT_MS was set, so Socket.IO keeps its own defaults otherwise. */
  readonly heartbeatSet: boolean;
  readonly maxPayloadBytes: number;
  readonly maxBufferedBytes: number;
  readonly trustProxy: TrustProxy;
  readonly trustProxySetting: string;
  readonly allowedOrigins: readonly string[];
  /** The host names served (DNS rebinding guard): defaults plus ALLOWED_HOSTS. */
  readonly allowedHosts: AllowedHosts;
  /**
   * Lesson 3: where the processes of this app share their rooms. Unset,
   * the app is one process and keeps rooms in memory.
   */
  readonly redisUrl: string | undefined;
  /** Lesson 3: worker processes on one port (node:cluster). 1 = no cluster. */
  readonly workers: number;
}

/**
 * Reads settings from environment variables. Throws one message per bad
 * value, saying what was wrong and what to write instead.
 */
export function readSettings(
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): Settings {
  // Loopback by default: a workshop laptop on shared Wi-Fi should not
  // serve the room. HOST=0.0.0.0 opens it up on purpose.
  const host = env.HOST?.trim() || "127.0.0.1";
  const redisUrl = redisUrlOf(env);
  const workers = integer(env, "WORKERS", 1, 1, 64);
  if (workers > 1 && redisUrl === undefined) {
    throw new Error(
      `WORKERS=${workers} needs REDIS_URL: worker processes share their rooms ` +
        "through Redis, and without it each would hold a chat of its own. " +
        "Set REDIS_URL=redis://127.0.0.1:6379 (start Redis with redis-server), or leave WORKERS unset.",
    );
  }
  return {
    port: integer(env, "PORT", defaults.port, 0, 65_535),
    host,
    pushIntervalMs: integer(env, "PUSH_INTERVAL_MS", 3000, 10, 3_600_000),
    pushText: pushTextOf(env),
    heartbeatMs: integer(env, "HEARTBEAT_MS", 30_000, 10, 3_600_000),
    heartbeatSet: (env.HEARTBEAT_MS?.trim() ?? "") !== "",
    // ws allows 100 MiB by default; a chat-sized demo needs a tiny fraction.
    maxPayloadBytes: integer(
      env,
      "MAX_PAYLOAD_BYTES",
      64 * 1024,
      1,
      100 * 1024 * 1024,
    ),
    maxBufferedBytes: integer(
      env,
      "MAX_BUFFERED_BYTES",
      1024 * 1024,
      0,
      1024 * 1024 * 1024,
    ),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    trustProxySetting: env.TRUST_PROXY?.trim() || "none",
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS, host),
    redisUrl,
    workers,
  };
}

function pushTextOf(env: NodeJS.ProcessEnv): string {
  const raw = env.PUSH_TEXT;
  if (raw === undefined || raw === "") return DEFAULT_PUSH_TEXT;
  if (raw.length > 200) {
    throw new Error(
      `PUSH_TEXT is ${raw.length} characters long: use at most 200, or leave it unset.`,
    );
  }
  return raw;
}

function redisUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.REDIS_URL?.trim();
  if (raw === undefined || raw === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "redis:" && url?.protocol !== "rediss:") {
    throw new Error(
      `REDIS_URL="${raw}" is not valid: use redis://HOST:PORT, for example redis://127.0.0.1:6379.`,
    );
  }
  return raw;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new Error(
      `${name}="${raw}" is not valid: use a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}

/** readSettings for a server's entry point: a bad value ends the process with its message. */
export function readSettingsOrExit(
  name: string,
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): Settings {
  try {
    return readSettings(env, defaults);
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    process.exit(1);
  }
}
