// Exercise ws-browser-client: YOUR FILE, the page's WebSocket code. The
// page loads it as /assets/client/main.js; view.ts (provided) shows things.
// Step 7 of "The ws path": the URL from the page's own address, each push
// shown and answered, and reconnecting by itself.
import {
  addLine,
  showDetail,
  showState,
  type ReplyMessage,
  type ServerMessage,
} from "./view.js";

const STATE_NAMES = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"] as const;

// Same host and port as the page, ws: or wss: to match http: or https:.
function socketUrl(): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws`;
}

let attempt = 0;

function connect(): void {
  const ws = new WebSocket(socketUrl());
  const show = (why = "") =>
    showState(STATE_NAMES[ws.readyState] ?? "CLOSED", why);
  show();
  ws.addEventListener("open", () => {
    attempt = 0;
    show();
  });

  ws.addEventListener("message", (event: MessageEvent<unknown>) => {
    // The handler's own `event` parameter, never the global `window.event`.
    const data = event.data;
    if (typeof data !== "string") return;
    const message = JSON.parse(data) as ServerMessage;
    if (message.event === "welcome") {
      showDetail(`you are ${message.data.id}, seen from ${message.data.ip}`);
      return;
    }
    const { seq, text } = message.data;
    addLine("news", `#${seq} ${text}`);
    // Only an OPEN socket may send.
    if (ws.readyState === WebSocket.OPEN) {
      const reply: ReplyMessage = {
        event: "reply",
        data: { seq, text: `got #${seq}` },
      };
      ws.send(JSON.stringify(reply));
      addLine("reply", `reply #${seq}`);
    }
  });

  // 'error' is always followed by 'close', which does the work.
  ws.addEventListener("close", (event) => {
    show(`code ${event.code}`);
    attempt += 1;
    // Back off: 0.5 s, 1 s, 2 s... up to 10 s, each cut at random.
    const ceiling = Math.min(10_000, 500 * 2 ** (attempt - 1));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    showDetail(
      `reconnecting in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})`,
    );
    setTimeout(connect, delay);
  });
}

connect();
