// Lesson 1 on ws: the push. A client that connects to /ws is told who it
// is, gets a news every PUSH_INTERVAL_MS while its socket is OPEN, may
// answer each one, and takes its interval with it when it goes.
import type { IncomingMessage } from "node:http";
import type { RawData, WebSocket } from "ws";
import { fromWs } from "@repo/lifecycle";
import { quoteText } from "@repo/http-guard";
import { LogBudget, type Log, type Settings } from "@repo/demo-kit";
import {
  WS_PATH,
  type ClientMessage,
  type News,
  type Welcome,
} from "./protocol.js";
import type { Realtime } from "./realtime.js";

/** Serves lesson 1 on WS_PATH. */
export function attachPush(
  realtime: Realtime,
  settings: Settings,
  log: Log,
): void {
  const { wss, tracker, heartbeat, open } = realtime;
  let received = 0;
  realtime.countReceived(() => received);
  // The ws way to hand a routed socket to the server's handlers, as in
  // ws's README: NOTE_BUGS mode listens for the same event.
  realtime.route(WS_PATH, (ws, request) => wss.emit("connection", ws, request));

  // #region connection
  wss.on("connection", (ws: WebSocket, request: IncomingMessage) => {
    const client = tracker.track(fromWs(ws, request));
    log(`connect ${client.id} from ${client.ip}`);
    const welcome: Welcome = {
      id: client.id,
      ip: client.ip,
      pushIntervalMs: settings.pushIntervalMs,
    };
    client.send("welcome", welcome);
    open.add(ws);
    // #endregion connection

    // #region push
    let seq = 0;
    const interval = setInterval(() => {
      // Only an OPEN socket may send: CONNECTING would throw, and CLOSING
      // or CLOSED would drop the message without a word.
      if (ws.readyState !== ws.OPEN) return;
      const news: News = {
        seq: seq + 1,
        text: settings.pushText,
        sentAt: epochMs(),
      };
      // send() also skips a client that stopped reading (its bytes would
      // pile up in this process) and returns false instead of throwing.
      if (client.send("news", news)) seq += 1;
    }, settings.pushIntervalMs);
    // Owned by the connection: counted at /stats (liveTimers) while it lives.
    client.own(interval);
    heartbeat.watch(client, ws);
    // #endregion push

    // #region message
    // Every byte a client sends is untrusted: the description is bounded
    // (describeMessage), and so is the number of lines one client gets.
    const clientLog = new LogBudget(log, {
      subject: client.id,
      noun: "messages",
    });
    ws.on("message", (data: RawData, isBinary: boolean) => {
      received += 1;
      clientLog.line(`${client.id} says ${describeMessage(data, isBinary)}`);
    });
    // #endregion message

    // #region close
    ws.on("error", (error) => log(`${client.id} error: ${error.message}`));
    // However the connection ends (close frame, error, heartbeat), once.
    client.onClose(({ code, reason }) => {
      // The interval ends with its connection: left running, it would tick
      // for a closed socket forever and keep it in memory (the note's bug).
      // The tracker, which owns it, clears it too; twice is harmless.
      clearInterval(interval);
      open.delete(ws);
      clientLog.flush();
      log(
        `close ${client.id} from ${client.ip}: code ${code}${reason ? `, ${quoteText(reason, 130)}` : ""}`,
      );
    });
    // #endregion close
  });
}

/**
 * One log line for any message a client may send, bounded whatever it is
 * (the text is quoted, so a newline in it cannot forge a log line).
 */
export function describeMessage(data: RawData, isBinary: boolean): string {
  const bytes = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.isBuffer(data)
      ? data
      : Buffer.from(data);
  if (isBinary)
    return `binary, ${bytes.length} bytes: <${bytes.subarray(0, 16).toString("hex")}>`;
  // ws has already checked that a text frame is valid UTF-8 (else 1007).
  const text = bytes.toString("utf8");
  const reply = parseReply(text);
  if (reply) return `reply #${reply.seq}: ${quoteText(reply.text)}`;
  return `text (not a reply): ${quoteText(text)}`;
}

function parseReply(text: string): ClientMessage["data"] | undefined {
  try {
    const message = JSON.parse(text) as Partial<ClientMessage> | null;
    const data = message?.data;
    if (
      message?.event === "reply" &&
      typeof data?.seq === "number" &&
      typeof data.text === "string"
    ) {
      return data;
    }
  } catch {
    // not JSON: logged as plain text by the caller
  }
  return undefined;
}

/** Wall-clock ms with a fraction, so that sub-millisecond latency shows. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
