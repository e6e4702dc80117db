// Exercise socketio-browser-client: YOUR FILE, the page's Socket.IO code.
// The page loads /socket.io/socket.io.min.js (the global `io`), then this file
// as /assets/client/main.js; view.ts (provided) shows things.
// Steps 2, 7 and 8 of "The Socket.IO path".
import type { Socket } from "socket.io-client";
import {
  addLine,
  showDetail,
  showState,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "./view.js";

// No URL: io() connects to the page's own origin. The path must match the
// server's `path` option.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: "/socket.io",
});

socket.on("connect", () => showState("CONNECTED"));
// Socket.IO reconnects by itself, with backoff, unless the server sent us away.
socket.on("disconnect", (reason) => showState("DISCONNECTED", reason));

socket.on("welcome", ({ id, ip }) => {
  showDetail(`you are ${id}, seen from ${ip}`);
});

socket.on("news", ({ seq, text }) => {
  addLine("news", `#${seq} ${text}`);
  // While disconnected, emit() buffers: answer only when connected.
  if (socket.connected) {
    socket.emit("reply", { seq, text: `got #${seq}` });
    addLine("reply", `reply #${seq}`);
  }
});
