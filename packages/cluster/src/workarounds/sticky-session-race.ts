// Workaround of @socket.io/sticky 2.0.x: a new polling session can reach
// the wrong worker. A worker reports each new session to the primary
// ("sticky:connection", sent from engine.io's `connection` event) at the
// moment it answers the handshake, and nothing waits for the report. On
// a busy machine the client's next request, carrying the new sid, can
// reach the primary before the report does: the primary hands it to
// the next worker in turn, which answers 400 "Session ID unknown".
// Upstream: "'Session ID unknown' errors",
// https://github.com/socketio/socket.io-sticky/issues/2 (closed; the
// first request after a handshake fails now and then, always under load).
// test/sticky-session-race.test.ts fails once setupWorker itself holds
// the handshake until the primary knows the session: then this file can go.
import cluster from "node:cluster";
import type { IncomingMessage } from "node:http";
import type { PrimaryMessage } from "../messages.js";

/** How long a worker waits for the primary to pin a new session, at most. */
const PIN_TIMEOUT_MS = 1000;

// #region pin-before-answer
// The worker names the session, tells the primary, and waits for the
// primary's "pinned" before its engine answers the handshake. The
// primary acknowledges each report after setupMaster's own listener
// (registered first) has pinned the session.
/** In the primary, after setupMaster: acknowledges each session a worker reports. */
export function acknowledgePins(): void {
  cluster.on(
    "message",
    (worker, message: { type?: string; data?: unknown }) => {
      if (message?.type !== "sticky:connection") return;
      if (typeof message.data !== "string") return;
      const pinned: PrimaryMessage = { type: "demo:pinned", sid: message.data };
      worker.send(pinned, () => {}); // a worker that just died: nothing to do
    },
  );
}
// #endregion pin-before-answer

/** The part of engine.io's server that names new sessions. */
export interface SessionNamer {
  generateId(request: IncomingMessage): string | PromiseLike<string>;
}

/** The IPC channel to the primary (the process itself; a fake in tests). */
export interface PrimaryChannel {
  send?(message: unknown): unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
}

/**
 * In a Socket.IO worker, beside @socket.io/sticky's setupWorker: makes
 * the engine answer a handshake only once the primary has pinned the new
 * session to this worker, or after PIN_TIMEOUT_MS if it does not answer.
 */
export function pinSessionsBeforeAnswering(
  engine: SessionNamer,
  primary: PrimaryChannel = process,
): void {
  const waiting = new Map<string, () => void>();
  primary.on("message", (message) => {
    const pinned = message as PrimaryMessage | undefined;
    if (pinned?.type === "demo:pinned") waiting.get(pinned.sid)?.();
  });
  // engine.io awaits `generateId` before it writes the handshake's answer
  // (its documented hook for custom ids): the one place where a worker
  // can hold the answer back until the primary knows the session. The id
  // stays engine.io's own; the report below is the same one setupWorker
  // sends, just earlier, and the primary pins it the same way.
  const nameSession = engine.generateId.bind(engine);
  engine.generateId = async (request) => {
    const sid = await nameSession(request);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiting.delete(sid);
        resolve();
      };
      const timer = setTimeout(done, PIN_TIMEOUT_MS);
      waiting.set(sid, done);
      primary.send?.({ type: "sticky:connection", data: sid });
    });
    return sid;
  };
}
