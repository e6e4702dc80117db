// Exercise socketio-rooms: YOUR FILE. Lesson 2's chat rooms on Socket.IO,
// as socketio-demo has them (apps/socketio-demo/src/rooms/chat.ts); the
// server around it is server.ts and ../../kit/. The step: who gets each
// event (docs: Lesson 2, Broadcast, and Pitfalls, "socket.to vs io.to").
// Lesson 2 on Socket.IO: the same chat rooms as ws-demo's, with what the
// library gives: rooms (`join`, `to(room).emit`), acknowledgements (the
// callback), `volatile` for typing, middleware for checks and limits, and
// connection state recovery. One region per feature, as in ws-demo.
import type { Namespace, Server, Socket } from "socket.io";
import {
  fromSocketIo,
  type TrackedConnection,
  type Tracker,
} from "@repo/lifecycle";
import { quoteText } from "@repo/http-guard";
import { LogBudget, type Log } from "@repo/demo-kit";
import {
  isRequestEvent,
  LIMITS,
  parseRequest,
  refusal,
  RoomHistory,
  TokenBucket,
  type Answer,
  type Requests,
  type RoomsServerEvents,
} from "@repo/rooms";
import { ROOMS_NAMESPACE } from "../../kit/protocol.js";

/** What Socket.IO keeps for us per socket, and restores with it on recovery. */
interface MemberData {
  /** The name this socket joined each room with. */
  names: Record<string, string>;
}

/** What this process keeps per socket, beside Socket.IO's own. */
interface Local {
  readonly client: TrackedConnection;
  readonly sayBucket: TokenBucket;
  readonly typingAt: Map<string, number>;
  readonly log: LogBudget;
}

type AckCallback = <T extends object>(answer: Answer<T>) => void;
type RoomsSocket = Socket<
  Record<string, never>,
  RoomsServerEvents,
  Record<string, never>,
  MemberData
>;

export interface Rooms {
  readonly namespace: Namespace;
  /** Messages received on the rooms namespace, for /stats. */
  received(): number;
}

export function attachRooms(
  io: Server,
  options: { tracker: Tracker; log: Log },
): Rooms {
  const { tracker, log } = options;
  let received = 0;
  // #region namespace
  // The rooms live in their own namespace, beside lesson 1's `/`, on the
  // same connection: the browser client multiplexes both.
  const rooms = io.of(ROOMS_NAMESPACE) as unknown as Namespace<
    Record<string, never>,
    RoomsServerEvents,
    Record<string, never>,
    MemberData
  >;
  // #endregion namespace
  const history = new RoomHistory(
    (room) => (rooms.adapter.rooms.get(room)?.size ?? 0) > 0,
  );

  /** Names of a room's members, sorted, from every socket in it. */
  async function namesIn(
    room: string,
    leaving?: RoomsSocket,
  ): Promise<string[]> {
    const sockets = await rooms.in(room).fetchSockets();
    return sockets
      .filter((socket) => socket.id !== leaving?.id)
      .map((socket) => socket.data.names[room] ?? "?")
      .sort();
  }

  rooms.on("connection", (socket: RoomsSocket) => {
    const client = tracker.track(fromSocketIo(socket));
    const local: Local = {
      client,
      sayBucket: new TokenBucket(
        LIMITS.sayBurst,
        LIMITS.sayRefillMs,
        performance.now(),
      ),
      typingAt: new Map(),
      log: new LogBudget(log, { subject: client.id, noun: "lines" }),
    };
    const refused = (ack: AckCallback | undefined, answer: Answer<never>) => {
      local.log.line(
        `${client.id} refused: ${answer.error}, ${answer.message}`,
      );
      ack?.(answer);
    };

    // #region recovery
    // connectionStateRecovery: a client back within 2 minutes gets the
    // same id, its rooms, its `data` and the packets it missed, without
    // a `join`. The others were told it left; tell them it is back.
    if (socket.recovered) {
      log(`connect ${client.id} from ${client.ip} to the rooms: recovered`);
      for (const room of Object.keys(socket.data.names))
        void announceJoin(socket, room);
    } else {
      socket.data.names = {};
      log(`connect ${client.id} from ${client.ip} to the rooms`);
    }
    // #endregion recovery

    // #region middleware
    // Every packet passes here first: unknown events, bad data and a
    // `say` over the rate are answered here and go no further.
    socket.use((packet, next) => {
      received += 1;
      const [event, data] = packet as [unknown, unknown];
      const last: unknown = packet.at(-1);
      const ack =
        typeof last === "function" ? (last as AckCallback) : undefined;
      if (!isRequestEvent(event)) {
        refused(
          ack,
          refusal(
            "unknown-event",
            `unknown event ${quoteText(String(event), 40)}; the events are join, leave, say and typing`,
          ),
        );
        return;
      }
      const checked = parseRequest(event, data);
      if (!checked.ok) {
        refused(ack, checked.answer);
        return;
      }
      if (event !== "join" && !socket.rooms.has(checked.value.room)) {
        refused(
          ack,
          refusal(
            "not-in-room",
            `you are not in room ${checked.value.room}; join it first`,
          ),
        );
        return;
      }
      if (event === "say" && !local.sayBucket.take(performance.now())) {
        refused(
          ack,
          refusal(
            "rate-limited",
            `at most ${LIMITS.sayBurst} messages at once, then one a second; wait a moment`,
          ),
        );
        return;
      }
      packet[1] = checked.value; // names and texts trimmed
      next();
    });
    // #endregion middleware

    // #region join
    socket.on("join", (request: Requests["join"], ack?: AckCallback) => {
      void (async () => {
        const { room, name, after } = request;
        const already = socket.rooms.has(room);
        if (!already && socket.rooms.size - 1 >= LIMITS.maxRoomsPerConnection) {
          refused(
            ack,
            refusal(
              "too-many-rooms",
              `one connection can be in at most ${LIMITS.maxRoomsPerConnection} rooms; leave one first`,
            ),
          );
          return;
        }
        if (!already) {
          socket.data.names[room] = name;
          await socket.join(room);
        }
        ack?.({
          ok: true,
          room,
          members: await namesIn(room),
          ...history.since(room, after),
        });
        if (already) return;
        local.log.line(`${client.id} joined ${room} as ${quoteText(name, 40)}`);
        await announceJoin(socket, room);
      })().catch((error: unknown) =>
        log(`${client.id} join failed: ${String(error)}`),
      );
    });
    // #endregion join

    // #region leave
    socket.on("leave", (request: Requests["leave"], ack?: AckCallback) => {
      const { room } = request;
      const name = socket.data.names[room]!;
      delete socket.data.names[room];
      void socket.leave(room);
      ack?.({ ok: true });
      void announceLeave(socket, room, name);
    });
    // #endregion leave

    // #region say
    socket.on("say", (request: Requests["say"], ack?: AckCallback) => {
      const { room, text } = request;
      const message = history.append(room, socket.data.names[room]!, text);
      ack?.({ ok: true, id: message.id, at: message.at });
      // rooms.to(room): everyone in it, the sender too. socket.to(room)
      // would skip the sender, who would then never see its own message.
      rooms.to(room).emit("message", message);
    });
    // #endregion say

    // #region typing
    socket.on("typing", (request: Requests["typing"], ack?: AckCallback) => {
      const { room } = request;
      const now = performance.now();
      if (
        now - (local.typingAt.get(room) ?? -Infinity) <
        LIMITS.typingIntervalMs
      ) {
        return; // dropped, without an answer
      }
      local.typingAt.set(room, now);
      // volatile: dropped for a client that cannot take it right now.
      socket
        .to(room)
        .volatile.emit("typing", { room, name: socket.data.names[room]! });
      ack?.({ ok: true });
    });
    // #endregion typing

    // #region disconnect
    // Socket.IO takes a closed socket out of its rooms by itself; the
    // others still have to be told, while socket.rooms is still known.
    socket.on("disconnecting", () => {
      // (socket.data keeps the names: a recovered socket gets them back.)
      for (const [room, name] of Object.entries(socket.data.names)) {
        void announceLeave(socket, room, name);
      }
    });
    client.onClose(({ reason }) => {
      local.log.flush();
      log(`disconnect ${client.id} from ${client.ip}: ${reason}`);
    });
    // #endregion disconnect
  });

  async function announceJoin(
    socket: RoomsSocket,
    room: string,
  ): Promise<void> {
    const name = socket.data.names[room]!;
    socket
      .to(room)
      .emit("system", { room, kind: "join", name, at: Date.now() });
    rooms.to(room).emit("presence", { room, members: await namesIn(room) });
  }

  async function announceLeave(
    socket: RoomsSocket,
    room: string,
    name: string,
  ): Promise<void> {
    rooms
      .to(room)
      .except(socket.id)
      .emit("system", { room, kind: "leave", name, at: Date.now() });
    rooms
      .to(room)
      .except(socket.id)
      .emit("presence", { room, members: await namesIn(room, socket) });
  }

  return { namespace: rooms, received: () => received };
}
