// NOTE_BUGS=1: the original study note's connection handler, bugs included,
// running beside the demo's own, so that an instructor can show what the
// bugs do. Never in production: it leaks a timer per closed connection and
// believes any client about its IP.
import type { IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";
import type { Log } from "@repo/demo-kit";
import type { News } from "./protocol.js";

/** The note's way of keeping the timer: a property stuck on the socket. */
type NoteSocket = WebSocket & { interval?: NodeJS.Timeout };

/**
 * Reads NOTE_BUGS: unset, "" or "0" is off, "1" is on. Any other value
 * ends the process with a message, as a bad setting does.
 */
export function readNoteBugsOrExit(
  name: string,
  env: NodeJS.ProcessEnv,
): boolean {
  const raw = env.NOTE_BUGS?.trim() ?? "";
  if (raw === "" || raw === "0") return false;
  if (raw === "1") return true;
  console.error(
    `${name}: NOTE_BUGS="${raw}" is not valid: use 1 (on) or 0 (off).`,
  );
  process.exit(1);
}

/** Adds the note's connection handler, bugs and all, and says so loudly. */
export function enableNoteBugs(
  wss: WebSocketServer,
  pushIntervalMs: number,
  log: Log,
): void {
  log(
    "*** NOTE_BUGS=1: running the original note's handler beside the demo's. " +
      "It leaks one timer per closed connection (watch processTimers at /stats) " +
      "and takes the client IP from X-Forwarded-For, whoever sends it. " +
      "For teaching only. ***",
  );
  // #region note-handler
  wss.on("connection", (ws: NoteSocket, req: IncomingMessage) => {
    // The note's IP rule: any client can write this header.
    const ip = req.headers["x-forwarded-for"] || req.socket.remoteAddress;
    log(`note-bugs: connect from ${String(ip)}`);
    let seq = 0;
    const interval = setInterval(() => {
      if (ws.readyState === ws.OPEN) {
        seq += 1;
        const news: News = {
          seq,
          text: "Hello from the note's interval",
          sentAt: Date.now(),
        };
        ws.send(JSON.stringify({ event: "news", data: news }));
      }
    }, pushIntervalMs);
    ws.interval = interval;
    ws.on("close", () => {
      log(`note-bugs: close ${String(ip)}; its interval keeps running`);
      // The note's bug: the property is `interval`, not `clearInterval`.
      // clearInterval(undefined) does nothing and says nothing.
      clearInterval((ws as { clearInterval?: NodeJS.Timeout }).clearInterval);
    });
  });
  // #endregion note-handler
}
