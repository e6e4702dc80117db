import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import {
  createHeartbeat,
  createTracker,
  fromWs,
  quoteText,
} from "@repo/lifecycle";
import {
  createGuard,
  destroySocket,
  LogBudget,
  refuseUpgrade,
  statsOf,
  type Log,
  type Settings,
  type Stats,
} from "@repo/demo-kit";
import { createMemoryBackend, type RoomsBackend } from "./rooms/backend.js";
import { createRooms } from "./rooms/chat.js";
import {
  ROOMS_WS_PATH,
  WS_PATH,
  type ClientMessage,
  type News,
  type Welcome,
} from "./protocol.js";

export interface Realtime {
  /** The ws server, for NOTE_BUGS mode (note-bugs.ts) to add its handler. */
  readonly wss: WebSocketServer;
  readonly stats: () => Stats;
  /** Closes every client with 1001 (going away), then the ws server. */
  readonly close: () => Promise<void>;
}

/** How long clients get to answer our close frame before we cut them. */
const CLOSE_GRACE_MS = 500;

/**
 * Attaches a ws server to the HTTP server that Express also uses. One
 * 'upgrade' router decides which requests may become WebSockets.
 */
export function attachRealtime(
  server: Server,
  settings: Settings,
  log: Log,
  roomsBackend: RoomsBackend = createMemoryBackend(),
): Realtime {
  const tracker = createTracker({
    trustProxy: settings.trustProxy,
    maxBufferedBytes: settings.maxBufferedBytes,
  });
  let received = 0;
  // #region heartbeat
  // ws has no heartbeat of its own: without one, a peer that vanished
  // without a FIN (Wi-Fi gone, laptop asleep) stays "open" forever.
  const heartbeat = createHeartbeat(tracker, settings.heartbeatMs);
  // #endregion heartbeat

  // #region upgrade
  // noServer: we route upgrades ourselves. `new WebSocketServer({ server })`
  // would take every upgrade on this HTTP server, whatever its path.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxPayloadBytes,
    // The tracker already follows each connection to its end. ws's own
    // list (wss.clients) would be a second Set with a second 'close'
    // listener per client; we keep just the sockets shutdown must close.
    clientTracking: false,
  });
  const open = new Set<WebSocket>();

  const guard = createGuard(settings, log);
  // Each path is a lesson: the push of lesson 1, the rooms of lesson 2.
  const rooms = createRooms({
    tracker,
    heartbeat,
    log,
    open,
    backend: roomsBackend,
  });
  const lessons = new Map([
    [
      WS_PATH,
      (ws: WebSocket, request: IncomingMessage) =>
        wss.emit("connection", ws, request),
    ],
    [ROOMS_WS_PATH, rooms.onConnection],
  ]);

  server.on(
    "upgrade",
    (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // A reset mid-handshake is not our crash.
      socket.on("error", destroySocket);
      // The path as sent, never parsed as a URL: `//` or `http://[` are
      // valid request targets to Node but throw in `new URL()`.
      const path = pathOf(request.url);
      const lesson = lessons.get(path);
      if (!lesson) {
        guard.logRefusal(
          `refused a WebSocket to ${quoteText(path, 100)}: the paths are ${WS_PATH} and ${ROOMS_WS_PATH}`,
        );
        refuseUpgrade(
          socket,
          404,
          `No WebSocket here; connect to ${WS_PATH} or ${ROOMS_WS_PATH}.`,
        );
        return;
      }
      // Host (DNS rebinding) and Origin (another site's page): see guard.ts.
      const refusal = guard.handshake(request);
      if (refusal) {
        refuseUpgrade(socket, refusal.status, refusal.message);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off("error", destroySocket); // ws handles socket errors from here
        lesson(ws, request);
      });
    },
  );
  // #endregion upgrade

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
    client.every(settings.pushIntervalMs, () => {
      const news: News = {
        seq: seq + 1,
        text: settings.pushText,
        sentAt: epochMs(),
      };
      // send() checks readyState === OPEN and the slow-consumer bound, and
      // returns false instead of throwing or queueing without limit.
      if (client.send("news", news)) seq += 1;
    });
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
    client.onClose(({ code, reason }) => {
      // By now every timer of this client is cleared: nothing to leak.
      open.delete(ws);
      clientLog.flush();
      log(
        `close ${client.id} from ${client.ip}: code ${code}${reason ? `, ${quoteText(reason, 130)}` : ""}`,
      );
    });
    // #endregion close
  });

  return {
    wss,
    stats: () => statsOf("ws", tracker.stats(), received + rooms.received()),
    close: async () => {
      heartbeat.stop();
      await closeAll(wss, open, log);
      await roomsBackend.close();
    },
  };
}

/** The path of a request target, without its query: `/ws?x=1` -> `/ws`. */
function pathOf(target: string | undefined): string {
  const path = target ?? "/";
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
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

async function closeAll(
  wss: WebSocketServer,
  open: ReadonlySet<WebSocket>,
  log: Log,
): Promise<void> {
  const clients = [...open];
  if (clients.length > 0) log(`closing ${clients.length} client(s) with 1001`);
  await Promise.all(
    clients.map(
      (ws) =>
        new Promise<void>((resolve) => {
          const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
          ws.once("close", () => {
            clearTimeout(cut);
            resolve();
          });
          ws.close(1001, "server shutting down");
        }),
    ),
  );
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}

/** Wall-clock ms with a fraction, so that sub-millisecond latency shows. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
