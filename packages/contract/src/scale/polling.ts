// Lesson 3: a Socket.IO client that never leaves HTTP long-polling, the
// client that stickiness is for: its session lives in one process, and
// every one of its many requests (one GET per push received, one POST per
// reply) must reach that process.
import { Agent } from "node:http";
import { io } from "socket.io-client";

export interface PollingRun {
  /** The pushes received (each one answered a GET). */
  readonly news: number;
  /** The client IP the server said it saw. */
  readonly ip: string;
  /** What went wrong, in the client's words: empty when nothing did. */
  readonly problems: readonly string[];
}

/**
 * Connects over polling only (from `localAddress` and with extra
 * `headers`, if given), answers
 * each push with a reply, and resolves after `count` pushes, the first
 * problem, or `timeoutMs`.
 */
export function pollFor(
  origin: string,
  count: number,
  options: {
    localAddress?: string;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<PollingRun> {
  const socket = io(origin, {
    path: "/socket.io",
    transports: ["polling"],
    reconnection: false,
    forceNew: true,
    extraHeaders: options.headers ?? {},
    ...(options.localAddress
      ? {
          agent: new Agent({
            localAddress: options.localAddress,
          }) as unknown as string,
        }
      : {}),
  });
  let news = 0;
  let ip = "";
  const problems: string[] = [];
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
      resolve({ news, ip, problems });
    };
    const timer = setTimeout(() => {
      problems.push(`only ${news} of ${count} pushes in time`);
      finish();
    }, options.timeoutMs ?? 20_000);
    socket.on("welcome", (welcome: { ip: string }) => (ip = welcome.ip));
    socket.on("news", ({ seq }: { seq: number }) => {
      news += 1;
      socket.emit("reply", { seq, text: `got #${seq}` });
      if (news >= count) finish();
    });
    socket.on("connect_error", (error: Error & { description?: unknown }) => {
      problems.push(`connect_error: ${error.message} ${describe(error)}`);
      finish();
    });
    socket.on("disconnect", (reason, details) => {
      problems.push(`disconnect: ${reason} ${describe(details)}`);
      finish();
    });
  });
}

/** The HTTP status (and body) under a transport error, where there is one. */
function describe(details: unknown): string {
  const { description, context } = (details ?? {}) as {
    description?: unknown;
    context?: { responseText?: unknown };
  };
  const body =
    typeof context?.responseText === "string" ? ` ${context.responseText}` : "";
  return description === undefined
    ? ""
    : `(${JSON.stringify(description)}${body})`;
}
