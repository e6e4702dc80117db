// Lesson 2's browser side on Socket.IO: emitWithAck for requests (with a
// timeout), typed events, and connection state recovery; the library
// reconnects by itself. Drawing the chat is the shared ChatView's job.
import type { Socket } from "socket.io-client";
import {
  ChatView,
  type Answer,
  type ChatMessage,
  type JoinAnswer,
  type PresenceEvent,
  type SystemEvent,
  type TypingEvent,
} from "/assets/rooms/browser/chat-view.js";
import { ROOMS_NAMESPACE, SOCKET_PATH } from "../protocol.js";
import { showPacketsOf } from "./wire.js";

interface ServerEvents {
  message: (message: ChatMessage) => void;
  system: (event: SystemEvent) => void;
  presence: (event: PresenceEvent) => void;
  typing: (event: TypingEvent) => void;
}

/** Every request takes its data and, when it wants one, an answer callback. */
interface ClientEvents {
  [event: string]: (
    data: unknown,
    answer?: (reply: Answer<object>) => void,
  ) => void;
}

const ACK_TIMEOUT_MS = 5000;

// The rooms namespace, on the page's own origin and the same path.
const socket: Socket<ServerEvents, ClientEvents> = io(ROOMS_NAMESPACE, {
  path: SOCKET_PATH,
});
showPacketsOf(socket.io); // the wire panel: every Engine.IO packet

// #region client-acks
// emitWithAck resolves with the server's answer; .timeout() makes one
// that never comes an error instead of a promise that waits forever.
async function request<T extends object>(
  event: string,
  data: unknown,
): Promise<Answer<T>> {
  try {
    return (await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event, data)) as Answer<T>;
  } catch {
    return {
      ok: false,
      error: "bad-request",
      message: `no answer to ${event} within ${ACK_TIMEOUT_MS / 1000} s`,
    };
  }
}
// #endregion client-acks

const view = new ChatView({
  join: (room, name) => void join(room, name),
  leave: (room) => {
    view.left(room);
    socket.emit("leave", { room });
  },
  say: (room, text) => {
    void request("say", { room, text }).then((answer) => {
      if (!answer.ok) view.say(answer.message);
    });
  },
  // volatile: a typing signal not sent now is worth nothing later.
  typing: (room) => socket.volatile.emit("typing", { room }),
});

async function join(room: string, name: string, after?: string): Promise<void> {
  const answer = await request<JoinAnswer>("join", { room, name, after });
  if (answer.ok) view.joined(name, answer);
  else view.say(answer.message);
}

// #region client-catch-up
socket.on("connect", () => {
  view.setState("CONNECTED", socket.recovered ? "recovered" : "");
  // Recovered: same rooms, and the missed messages arrive by themselves.
  if (socket.recovered) return;
  // Not recovered (first visit, or away too long): join again from the
  // last message shown.
  const rooms = view.joinedRooms();
  if (rooms.length === 0) view.joinFromAddress();
  for (const { room, name, after } of rooms) void join(room, name, after);
});
// #endregion client-catch-up
socket.on("disconnect", (reason) => view.setState("DISCONNECTED", reason));
socket.on("message", (message) => view.message(message));
socket.on("system", (event) => view.system(event));
socket.on("presence", (event) => view.presence(event));
socket.on("typing", (event) => view.typing(event));
