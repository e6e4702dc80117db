// NOTE_BUGS=1: the original study note's Socket.IO handler, bugs included,
// running beside the demo's own, so that an instructor can show what the
// bugs do. Its Socket.IO half clears its timer correctly: the bugs to see
// here are the misspelt header, which lets any client choose its IP, and
// `req.ip`, which a raw Node request does not have.
import type { Server, Socket } from "socket.io";
import type { Log } from "@repo/demo-kit";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol.js";

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

/** The note's way of keeping the timer: a property stuck on the socket. */
type NoteSocket = Socket<ClientToServerEvents, ServerToClientEvents> & {
  interval?: NodeJS.Timeout;
};

/** Adds the note's connection handler, bugs and all, and says so loudly. */
export function enableNoteBugs(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  pushIntervalMs: number,
  log: Log,
): void {
  log(
    "*** NOTE_BUGS=1: running the original note's handler beside the demo's. " +
      "It takes the client IP from the misspelt X-Forward-For header, which any " +
      "client can send. For teaching only. ***",
  );
  // #region note-handler
  io.on("connection", (socket: NoteSocket) => {
    // socket.request is the Node request of the handshake (IncomingMessage):
    // it has no `ip` (that is Express's), and the header name is misspelt.
    const req = socket.request as typeof socket.request & { ip?: string };
    const ip = req.headers["x-forward-for"] || req.socket.remoteAddress;
    log(
      `note-bugs: New Client Connected ${String(ip)} ${socket.id} req.ip=${String(req.ip)}`,
    );
    socket.on("disconnect", () => {
      log(`note-bugs: disconnect ${String(ip)} ${socket.id}`);
      clearInterval(socket.interval); // right here: the property it set
    });
    let seq = 0;
    socket.interval = setInterval(() => {
      seq += 1;
      socket.emit("news", {
        seq,
        text: "Hello from the note's interval",
        sentAt: Date.now(),
      });
    }, pushIntervalMs);
  });
  // #endregion note-handler
}
