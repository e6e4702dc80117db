// The browser side: connect, show every message, answer each push, and
// reconnect with backoff when the connection drops. Plain WebSocket API:
// the browser has no reconnection of its own.
import {
  WS_PATH,
  type ClientMessage,
  type ServerMessage,
} from "../protocol.js";
import { showFramesOf } from "./wire.js";

const STATE_NAMES = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"] as const;
const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 10_000;
const MAX_LINES = 50;

const stateLabel = document.querySelector<HTMLElement>("#state")!;
const detail = document.querySelector<HTMLElement>("#detail")!;
const list = document.querySelector<HTMLOListElement>("#messages")!;

// #region url
// Same host and port as the page, ws: or wss: to match http: or https:.
// Nothing hard-coded, so it works behind a proxy or on another port.
function socketUrl(): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${WS_PATH}`;
}
// #endregion url

let attempt = 0;

function connect(): void {
  const ws = new WebSocket(socketUrl());
  showFramesOf(ws); // the wire panel: every frame in and out
  showState(ws);

  ws.addEventListener("open", () => {
    attempt = 0;
    showState(ws);
  });

  // #region message
  ws.addEventListener("message", (event: MessageEvent<unknown>) => {
    // The handler's own `event` parameter, never the global `window.event`.
    if (typeof event.data !== "string") return;
    const message = JSON.parse(event.data) as ServerMessage;
    if (message.event === "welcome") {
      const { id, ip, pushIntervalMs } = message.data;
      detail.textContent = `you are ${id}, seen from ${ip}; a push every ${pushIntervalMs / 1000} s`;
      return;
    }
    const { seq, text } = message.data;
    addLine("news", `#${seq} ${text}`);
    const reply: ClientMessage = {
      event: "reply",
      data: { seq, text: `got #${seq}` },
    };
    // Only an OPEN socket may send: in CONNECTING, send() throws.
    if (ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(reply));
      addLine("reply", `↩ reply #${seq}`);
    }
  });
  // #endregion message

  ws.addEventListener("close", (event) => {
    showState(ws, `code ${event.code}`);
    scheduleReconnect();
  });
  // 'error' is always followed by 'close', which does the work.
}

// #region reconnect
function scheduleReconnect(): void {
  attempt += 1;
  // Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... up to 10 s, each
  // shortened at random so a restarted server is not hit by every page at once.
  const ceiling = Math.min(
    RECONNECT_MAX_MS,
    RECONNECT_BASE_MS * 2 ** (attempt - 1),
  );
  const delay = ceiling / 2 + Math.random() * (ceiling / 2);
  const reconnectAt = Date.now() + delay;
  const tick = (): void => {
    const left = reconnectAt - Date.now();
    if (left <= 0) {
      clearInterval(countdown);
      connect();
      return;
    }
    detail.textContent = `reconnecting in ${(left / 1000).toFixed(1)} s (attempt ${attempt})`;
  };
  const countdown = setInterval(tick, 100);
  tick();
}
// #endregion reconnect

function showState(ws: WebSocket, why = ""): void {
  const name = STATE_NAMES[ws.readyState] ?? "CLOSED";
  stateLabel.textContent = why ? `${name} (${why})` : name;
  stateLabel.dataset.state = name;
}

function addLine(kind: "news" | "reply", text: string): void {
  const item = document.createElement("li");
  item.className = kind;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ` ${text}`);
  list.prepend(item);
  while (list.children.length > MAX_LINES) list.lastElementChild?.remove();
}

connect();
