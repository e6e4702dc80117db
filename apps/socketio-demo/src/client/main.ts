// The browser side: connect, show every `news`, answer with `reply`, and
// watch Socket.IO do what ws-demo's page does by hand: start on HTTP
// long-polling, upgrade to WebSocket, and reconnect with backoff.
import type { Socket } from "socket.io-client";
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "../protocol.js";
import { showPacketsOf } from "./wire.js";

const MAX_LINES = 50;
const stateLabel = document.querySelector<HTMLElement>("#state")!;
const transportLabel = document.querySelector<HTMLElement>("#transport")!;
const detail = document.querySelector<HTMLElement>("#detail")!;
const list = document.querySelector<HTMLOListElement>("#messages")!;

// #region connect
// No URL: io() connects to the page's own origin. The path must match the
// server's `path` option.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: SOCKET_PATH,
});
// #endregion connect
showPacketsOf(socket.io); // the wire panel: every Engine.IO packet

// #region transport
function showTransport(): void {
  const name = socket.io.engine?.transport.name ?? "none";
  transportLabel.textContent = name;
  transportLabel.dataset.transport = name;
}

// "open" is the engine's: it fires on every (re)connection, before the
// Socket.IO handshake. Listening for the upgrade from "connect" instead
// can miss it: the upgrade may finish first.
socket.io.on("open", () => {
  showTransport();
  // The engine starts on polling and upgrades when WebSocket works.
  socket.io.engine.once("upgrade", () => {
    showTransport();
    addLine("event", `upgraded to ${socket.io.engine.transport.name}`);
  });
});

socket.on("connect", () => {
  showState("CONNECTED");
  showTransport();
});
// #endregion transport

// #region events
socket.on("welcome", ({ id, ip, pushIntervalMs }) => {
  detail.textContent = `you are ${id}, seen from ${ip}; a push every ${pushIntervalMs / 1000} s`;
});

socket.on("news", ({ seq, text }) => {
  addLine("news", `#${seq} ${text}`);
  // While disconnected, emit() buffers; answering a push only when
  // connected keeps the page honest about what it sent.
  if (socket.connected) {
    socket.emit("reply", { seq, text: `got #${seq}` });
    addLine("reply", `↩ reply #${seq}`);
  }
});
// #endregion events

// #region reconnect
socket.on("disconnect", (reason) => {
  showState("DISCONNECTED", reason);
  showTransport();
  // "io server disconnect" means the server sent us away on purpose:
  // Socket.IO then does not reconnect by itself.
  if (reason === "io server disconnect")
    detail.textContent = "the server closed this connection";
});

socket.io.on("reconnect_attempt", (attempt) => {
  // Socket.IO's backoff: 1 s doubling, ±50 % at random, and only then capped
  // at 5 s: from the fifth attempt on, every wait is exactly 5 s.
  const nominal = Math.min(1000 * 2 ** attempt, 5000) / 1000;
  detail.textContent = `reconnecting: attempt ${attempt}; if it fails, the next in about ${nominal} s`;
});

socket.io.on("reconnect", (attempt) => {
  addLine("event", `reconnected after ${attempt} attempt(s)`);
});
// #endregion reconnect

function showState(name: "CONNECTED" | "DISCONNECTED", why = ""): void {
  stateLabel.textContent = why ? `${name} (${why})` : name;
  stateLabel.dataset.state = name;
}

function addLine(kind: "news" | "reply" | "event", text: string): void {
  const item = document.createElement("li");
  item.className = kind;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ` ${text}`);
  list.prepend(item);
  while (list.children.length > MAX_LINES) list.lastElementChild?.remove();
}
