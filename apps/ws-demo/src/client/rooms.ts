// Lesson 2's browser side on plain WebSocket: requests with acks, events,
// and the catch-up after a reconnect, all by hand. Drawing the chat is
// the shared ChatView's job (packages/rooms/browser).
import {
  ChatView,
  type Answer,
  type ChatMessage,
  type JoinAnswer,
  type PresenceEvent,
  type SystemEvent,
  type TypingEvent,
} from "/assets/rooms/browser/chat-view.js";
import { ROOMS_WS_PATH } from "../protocol.js";
import { showFramesOf } from "./wire.js";

const STATE_NAMES = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"] as const;
const ACK_TIMEOUT_MS = 5000;
const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 10_000;

let ws: WebSocket;
let attempt = 0;

// #region client-acks
// An answer is matched to its request by the number we put in "ack". One
// that never comes must not leave the page waiting: it times out.
let nextAck = 1;
const waiting = new Map<number, (answer: Answer<object>) => void>();

function request<T extends object>(
  event: string,
  data: unknown,
): Promise<Answer<T>> {
  const ack = nextAck++;
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      waiting.delete(ack);
      resolve({
        ok: false,
        error: "bad-request",
        message: `no answer to ${event} within ${ACK_TIMEOUT_MS / 1000} s`,
      });
    }, ACK_TIMEOUT_MS);
    waiting.set(ack, (answer) => {
      window.clearTimeout(timer);
      resolve(answer);
    });
    send({ event, data, ack });
  });
}
// #endregion client-acks

function send(frame: object): void {
  // Only an OPEN socket may send: in CONNECTING, send() throws.
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

const view = new ChatView({
  join: (room, name) => void join(room, name),
  leave: (room) => {
    view.left(room);
    send({ event: "leave", data: { room } });
  },
  say: (room, text) => {
    void request("say", { room, text }).then((answer) => {
      if (!answer.ok) view.say(answer.message);
    });
  },
  typing: (room) => send({ event: "typing", data: { room } }),
});

async function join(room: string, name: string, after?: string): Promise<void> {
  const answer = await request<JoinAnswer>("join", { room, name, after });
  if (answer.ok) view.joined(name, answer);
  else view.say(answer.message);
}

function connect(): void {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  ws = new WebSocket(`${scheme}//${location.host}${ROOMS_WS_PATH}`);
  showFramesOf(ws); // the wire panel: every frame in and out
  view.setState("CONNECTING");
  ws.addEventListener("open", () => {
    attempt = 0;
    view.setState("OPEN");
    // #region client-catch-up
    // A new connection is in no room: join each again, from the last
    // message shown; the server says if its history no longer reaches.
    const rooms = view.joinedRooms();
    if (rooms.length === 0) view.joinFromAddress();
    for (const { room, name, after } of rooms) void join(room, name, after);
    // #endregion client-catch-up
  });
  ws.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (typeof event.data !== "string") return;
    const frame = JSON.parse(event.data) as {
      event: string;
      ack?: number;
      data: unknown;
    };
    switch (frame.event) {
      case "ack":
        waiting.get(frame.ack ?? 0)?.(frame.data as Answer<object>);
        waiting.delete(frame.ack ?? 0);
        break;
      case "message":
        view.message(frame.data as ChatMessage);
        break;
      case "system":
        view.system(frame.data as SystemEvent);
        break;
      case "presence":
        view.presence(frame.data as PresenceEvent);
        break;
      case "typing":
        view.typing(frame.data as TypingEvent);
        break;
      case "error":
        view.say((frame.data as { message: string }).message);
        break;
    }
  });
  ws.addEventListener("close", (event) => {
    view.setState(STATE_NAMES[ws.readyState] ?? "CLOSED", `code ${event.code}`);
    attempt += 1;
    const ceiling = Math.min(
      RECONNECT_MAX_MS,
      RECONNECT_BASE_MS * 2 ** (attempt - 1),
    );
    window.setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
  });
}

connect();
