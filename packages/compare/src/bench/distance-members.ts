// Lesson 2's members for the network with distance: each joins a room,
// comes back by itself after a drop and catches up as its page does, and
// notes when each message reached it, by id.
//
// ws (apps/ws-demo/src/client/rooms.ts): the page's reconnect policy (as
// in distance-clients.ts), then a `join` again with `after` set to the
// last message id it holds; the answer's history is what it missed.
// Socket.IO (apps/socketio-demo/src/client/rooms.ts): the library
// reconnects with its defaults; connection state recovery hands back the
// missed messages by itself, and a `join` with `after` is the fallback
// when the session was not recovered. Both connect as the pages do, the
// Socket.IO one polling first.
import { Agent } from "node:http";
import { io } from "socket.io-client";
import { WebSocket } from "ws";

export type MemberTransport = "ws" | "socket.io";

interface ChatMessage {
  readonly id: string;
}
interface JoinAnswer {
  readonly ok: boolean;
  readonly history?: readonly ChatMessage[];
}

export interface RoomMember {
  /** When each message id first reached the member (performance.now() ms). */
  readonly received: Map<string, number>;
  /** Resolves once the first `join` was answered ok. */
  readonly joined: Promise<void>;
  /** Says `text` in the room; resolves with the message's id. */
  say(text: string): Promise<string>;
  stop(): void;
}

export interface MemberTarget {
  readonly port: number;
  readonly room: string;
  readonly name: string;
  readonly localAddress?: string;
}

const WS_RECONNECT_BASE_MS = 500;
const WS_RECONNECT_MAX_MS = 10_000;

/** Keeps the first arrival of each id; the last id held is the `after` of a join. */
function messageBook() {
  const received = new Map<string, number>();
  let lastId: string | undefined;
  return {
    received,
    get lastId() {
      return lastId;
    },
    add(messages: readonly ChatMessage[]) {
      const at = performance.now();
      for (const { id } of messages) {
        if (!received.has(id)) received.set(id, at);
        lastId = id;
      }
    },
  };
}

function wsMember(target: MemberTarget): RoomMember {
  const book = messageBook();
  let attempt = 0;
  let stopped = false;
  let ws: WebSocket;
  let timer: NodeJS.Timeout | undefined;
  let nextAck = 1;
  const waiting = new Map<number, (answer: unknown) => void>();
  let joinedOnce: () => void;
  const joined = new Promise<void>((resolve) => (joinedOnce = resolve));
  const request = <T>(event: string, data: unknown): Promise<T> => {
    const ack = nextAck++;
    return new Promise<T>((resolve) => {
      waiting.set(ack, resolve as (answer: unknown) => void);
      if (ws.readyState === WebSocket.OPEN)
        ws.send(JSON.stringify({ event, data, ack }));
    });
  };
  const connect = () => {
    ws = new WebSocket(`ws://127.0.0.1:${target.port}/ws/rooms`, {
      perMessageDeflate: false,
      ...(target.localAddress ? { localAddress: target.localAddress } : {}),
    });
    ws.on("error", () => {});
    ws.on("open", () => {
      attempt = 0;
      void request<JoinAnswer>("join", {
        room: target.room,
        name: target.name,
        after: book.lastId,
      }).then((answer) => {
        if (!answer.ok) return;
        book.add(answer.history ?? []);
        joinedOnce();
      });
    });
    ws.on("message", (data: Buffer) => {
      const frame = JSON.parse(data.toString("utf8")) as {
        event: string;
        ack?: number;
        data: unknown;
      };
      if (frame.event === "ack") {
        waiting.get(frame.ack ?? 0)?.(frame.data);
        waiting.delete(frame.ack ?? 0);
      } else if (frame.event === "message") {
        book.add([frame.data as ChatMessage]);
      }
    });
    ws.on("close", () => {
      waiting.clear();
      if (stopped) return;
      attempt += 1;
      const ceiling = Math.min(
        WS_RECONNECT_MAX_MS,
        WS_RECONNECT_BASE_MS * 2 ** (attempt - 1),
      );
      timer = setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
    });
  };
  connect();
  return {
    received: book.received,
    joined,
    say: (text) =>
      request<{ ok: boolean; id?: string; error?: string }>("say", {
        room: target.room,
        text,
      }).then((answer) => {
        if (!answer.ok || !answer.id)
          throw new Error(`say refused: ${answer.error}`);
        return answer.id;
      }),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      ws.terminate();
    },
  };
}

function socketIoMember(target: MemberTarget): RoomMember {
  const book = messageBook();
  const agent = new Agent({
    keepAlive: true,
    localAddress: target.localAddress,
  });
  const socket = io(`http://127.0.0.1:${target.port}/rooms`, {
    path: "/socket.io",
    forceNew: true,
    agent: agent as unknown as string,
    ...(target.localAddress ? { localAddress: target.localAddress } : {}),
  } as Parameters<typeof io>[1]);
  let joinedOnce: () => void;
  const joined = new Promise<void>((resolve) => (joinedOnce = resolve));
  socket.on("connect", () => {
    // Recovered: same rooms, and the missed messages arrive by themselves.
    if (socket.recovered) return;
    void (
      socket.emitWithAck("join", {
        room: target.room,
        name: target.name,
        after: book.lastId,
      }) as Promise<JoinAnswer>
    ).then((answer) => {
      if (!answer.ok) return;
      book.add(answer.history ?? []);
      joinedOnce();
    });
  });
  socket.on("message", (message: ChatMessage) => book.add([message]));
  return {
    received: book.received,
    joined,
    say: async (text) => {
      const answer = (await socket.emitWithAck("say", {
        room: target.room,
        text,
      })) as { ok: boolean; id?: string; error?: string };
      if (!answer.ok || !answer.id)
        throw new Error(`say refused: ${answer.error}`);
      return answer.id;
    },
    stop: () => {
      socket.close();
      agent.destroy();
    },
  };
}

/** A room member of `transport` that comes back and catches up by itself. */
export function startRoomMember(
  transport: MemberTransport,
  target: MemberTarget,
): RoomMember {
  return transport === "ws" ? wsMember(target) : socketIoMember(target);
}
