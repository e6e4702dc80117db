// Lesson 1 on Socket.IO: the push. A client that connects to the default
// namespace is told who it is, gets a news every PUSH_INTERVAL_MS while
// it is connected, may answer each one, and takes its interval with it
// when it goes.
import type { Socket } from "socket.io";
import { fromSocketIo } from "@repo/lifecycle";
import { describeValue, quoteText } from "@repo/http-guard";
import { LogBudget, type Log, type Settings } from "@repo/demo-kit";
import type {
  ClientToServerEvents,
  News,
  ServerToClientEvents,
} from "./protocol.js";
import type { Realtime } from "./realtime.js";

/** Serves lesson 1 on the default namespace, `/`. */
export function attachPush(
  realtime: Realtime,
  settings: Settings,
  log: Log,
): void {
  const { io, tracker } = realtime;
  let received = 0;
  realtime.countReceived(() => received);

  // #region connection
  io.on(
    "connection",
    (socket: Socket<ClientToServerEvents, ServerToClientEvents>) => {
      const client = tracker.track(fromSocketIo(socket));
      log(
        `connect ${client.id} from ${client.ip} over ${socket.conn.transport.name}`,
      );
      // Only a client that started on polling can upgrade; a listener on
      // the others would wait, unused, for the connection's whole life.
      if (socket.conn.transport.name === "polling") {
        socket.conn.once("upgrade", () => {
          log(`${client.id} upgraded to ${socket.conn.transport.name}`);
        });
      }
      client.send("welcome", {
        id: client.id,
        ip: client.ip,
        pushIntervalMs: settings.pushIntervalMs,
      });
      // #endregion connection

      // #region push
      let seq = 0;
      const interval = setInterval(() => {
        // Socket.IO has no readyState: `connected` is false from the
        // moment the socket is disconnected, and an emit then is lost.
        if (!socket.connected) return;
        const news: News = {
          seq: seq + 1,
          text: settings.pushText,
          sentAt: epochMs(),
        };
        // send() emits, and returns false instead of throwing.
        if (client.send("news", news)) seq += 1;
      }, settings.pushIntervalMs);
      // Owned by the connection: counted at /stats (liveTimers) while it lives.
      client.own(interval);
      // #endregion push

      // #region reply
      // The type says Reply, but any client can emit anything: the line
      // is bounded (describeReply), and so is the number of lines.
      const clientLog = new LogBudget(log, {
        subject: client.id,
        noun: "messages",
      });
      socket.on("reply", (reply: unknown) => {
        received += 1;
        clientLog.line(`${client.id} says ${describeReply(reply)}`);
      });
      // #endregion reply

      // #region disconnect
      // However the socket goes (client, server, ping timeout), once.
      client.onClose(({ reason }) => {
        // The interval ends with its connection: left running, it would
        // tick for a gone socket forever and keep it in memory. The
        // tracker, which owns it, clears it too; twice is harmless.
        clearInterval(interval);
        clientLog.flush();
        log(`disconnect ${client.id} from ${client.ip}: ${reason}`);
      });
      // #endregion disconnect
    },
  );
}

/**
 * One log line for whatever arrived as a `reply`, bounded in length,
 * depth and time whatever the client sent (JSON.stringify is not: an
 * array nested 5000 deep overflows the stack).
 */
export function describeReply(reply: unknown): string {
  if (
    typeof reply === "object" &&
    reply !== null &&
    "seq" in reply &&
    "text" in reply &&
    typeof reply.seq === "number" &&
    typeof reply.text === "string"
  ) {
    return `reply #${reply.seq}: ${quoteText(reply.text)}`;
  }
  return `reply of an unexpected shape: ${describeValue(reply)}`;
}

/** Wall-clock ms with a fraction, so that sub-millisecond latency shows. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
