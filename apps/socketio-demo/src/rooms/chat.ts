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
  FloodGuard,
  isRequestEvent,
  LIMITS,
  parseRequest,
  refusal,
  type Answer,
  type ConnectionBudget,
  type Requests,
  type RoomsServerEvents,
  type Verdict,
} from "@repo/rooms";
import { ROOMS_NAMESPACE } from "../protocol.js";
import type { RoomsBackend } from "./backend.js";

/** What Socket.IO keeps for us per socket, and restores with it on recovery. */
interface MemberData {
  /** The name this socket joined each room with. */
  names: Record<string, string>;
}

/** What one process of the app tells the others (serverSideEmit). */
interface PeerEvents {
  "presence-changed": (room: string) => void;
}

/** What this process keeps per socket, beside Socket.IO's own. */
interface Local {
  readonly client: TrackedConnection;
  /** What it may still cost the room (see middleware). */
  readonly budget: ConnectionBudget;
  readonly log: LogBudget;
}

type AckCallback = <T extends object>(answer: Answer<T>) => void;
type RoomsSocket = Socket<
  Record<string, never>,
  RoomsServerEvents,
  PeerEvents,
  MemberData
>;

export interface Rooms {
  readonly namespace: Namespace;
  /** Shutdown begins: leaves are still announced, but not counted here. */
  closing(): void;
  /** Messages received on the rooms namespace, for /stats. */
  received(): number;
}

export function attachRooms(
  io: Server,
  options: { tracker: Tracker; log: Log; backend: RoomsBackend },
): Rooms {
  const { tracker, log, backend } = options;
  let received = 0;
  const guard = new FloodGuard({ shared: backend.addressBudgets });
  // #region namespace
  // The rooms live in their own namespace, beside lesson 1's `/`, on the
  // same connection: the browser client multiplexes both.
  const rooms = io.of(ROOMS_NAMESPACE) as unknown as Namespace<
    Record<string, never>,
    RoomsServerEvents,
    PeerEvents,
    MemberData
  >;
  // #endregion namespace
  const history = backend.messageLog(
    (room) => (rooms.adapter.rooms.get(room)?.size ?? 0) > 0,
  );

  /**
   * Names of a room's members, sorted, from every socket in it, on every
   * process (with the Redis adapter, fetchSockets asks them all).
   */
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

  // #region presence
  // Who is in a room, sent after each join and leave. Each process sends
  // it to its own members (`local`), from a count it makes itself: a list
  // one process made could reach the members of another after a newer one
  // (two changes at once, on two processes) and leave them with an old
  // list. So a change is announced to every process (serverSideEmit), and
  // each counts again. In one process, that is one count.
  const lastPresence = new Map<string, readonly string[]>();
  let shuttingDown = false;
  function presenceChanged(room: string, leaving?: RoomsSocket) {
    if (backend.shared) rooms.serverSideEmit("presence-changed", room);
    // Shutting down, this process's own members are all leaving: the
    // others count for theirs, and nothing waits on their answers here.
    if (shuttingDown) return Promise.resolve();
    return sendPresence(room, leaving);
  }
  async function sendPresence(room: string, leaving?: RoomsSocket) {
    const members = await namesIn(room, leaving);
    // What this process's members were last told (see process-gone).
    if (members.length === 0) lastPresence.delete(room);
    else lastPresence.set(room, members);
    const to = rooms.local.to(room);
    (leaving ? to.except(leaving.id) : to).emit("presence", { room, members });
  }
  rooms.on("presence-changed", (room: string) => {
    backend.peerHeard();
    if (rooms.adapter.rooms.has(room)) sendPresence(room).catch(() => {});
  });
  // #endregion presence

  /** The answer while Redis is away (lesson 3): nothing was sent. */
  const unavailable = () =>
    refusal(
      "unavailable",
      "the chat cannot reach its Redis right now; nothing was sent, try again in a moment",
    );

  rooms.on("connection", (socket: RoomsSocket) => {
    const client = tracker.track(fromSocketIo(socket));
    const local: Local = {
      client,
      budget: guard.connect(client.ip),
      log: new LogBudget(log, { subject: client.id, noun: "lines" }),
    };
    const refused = (ack: AckCallback | undefined, answer: Answer<never>) => {
      local.log.line(
        `${client.id} refused: ${answer.error}, ${answer.message}`,
      );
      ack?.(answer);
    };
    // What the budget says of a request (the rooms package counts for both
    // apps): over it, answered `rate-limited` (an extra `typing` is only
    // dropped); refused too often, the whole connection is closed.
    const obey = (verdict: Verdict, ack: AckCallback | undefined) => {
      switch (verdict.kind) {
        case "go":
          return true;
        case "drop":
          return false;
        case "refuse":
          refused(ack, verdict.answer);
          return false;
        case "close":
          log(`${client.id} closed: ${verdict.reason}`);
          socket.disconnect(true);
          return false;
      }
    };

    // #region recovery
    // connectionStateRecovery: a client back within 2 minutes gets the
    // same id, its rooms, its `data` and the packets it missed, without
    // a `join`. The others were told it left; tell them it is back.
    if (socket.recovered) {
      log(`connect ${client.id} from ${client.ip} to the rooms: recovered`);
      // Back in its rooms without a `join`: each one reaches the room.
      local.budget.charge(Object.keys(socket.data.names).length);
      for (const room of Object.keys(socket.data.names))
        void announceJoin(socket, room);
    } else {
      socket.data.names = {};
      log(`connect ${client.id} from ${client.ip} to the rooms`);
    }
    // #endregion recovery

    // #region middleware
    // Every packet passes here first: a client over its budget, unknown
    // events, bad data and rooms not joined are answered here and go no
    // further.
    socket.use((packet, next) => {
      received += 1;
      const [event, data] = packet as [unknown, unknown];
      const last: unknown = packet.at(-1);
      const ack =
        typeof last === "function" ? (last as AckCallback) : undefined;
      if (!obey(local.budget.arrived(event), ack)) return;
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
      if (event !== "typing" && !backend.reachable()) {
        refused(ack, unavailable());
        return;
      }
      // The address's budget may be in Redis (lesson 3): wait for it.
      void local.budget.admit(event, checked.value.room).then((verdict) => {
        if (!obey(verdict, ack)) return;
        packet[1] = checked.value; // names and texts trimmed
        next();
      });
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
        // The others hear of it before the answer goes out, so that
        // whoever joins after this answer cannot get this announcement.
        if (!already) {
          socket.data.names[room] = name;
          await socket.join(room);
          local.log.line(
            `${client.id} joined ${room} as ${quoteText(name, 40)}`,
          );
          await announceJoin(socket, room);
        }
        ack?.({
          ok: true,
          room,
          members: await namesIn(room),
          ...(await history.since(room, after)),
        });
      })().catch(() => refused(ack, unavailable()));
    });
    // #endregion join

    // #region leave
    socket.on("leave", (request: Requests["leave"], ack?: AckCallback) => {
      const { room } = request;
      const name = socket.data.names[room]!;
      delete socket.data.names[room];
      local.budget.left(room);
      void socket.leave(room);
      announceLeave(socket, room, name)
        .then(() => ack?.({ ok: true }))
        .catch(() => refused(ack, unavailable()));
    });
    // #endregion leave

    // #region say
    socket.on("say", (request: Requests["say"], ack?: AckCallback) => {
      const { room, text } = request;
      history
        .append(room, socket.data.names[room]!, text)
        .then((message) => {
          ack?.({ ok: true, id: message.id, at: message.at });
          // rooms.to(room): everyone in it, the sender too. socket.to(room)
          // would skip the sender, who would then never see its own message.
          rooms.to(room).emit("message", message);
        })
        .catch(() => refused(ack, unavailable()));
    });
    // #endregion say

    // #region typing
    socket.on("typing", (request: Requests["typing"], ack?: AckCallback) => {
      const { room } = request;
      // (At most one a second per member and room: the middleware's
      // budget drops the others.) volatile: dropped for a client that cannot take it right now.
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
      // Each leave below reaches the room like a `leave`: paid for.
      local.budget.charge(Object.keys(socket.data.names).length);
      for (const [room, name] of Object.entries(socket.data.names)) {
        announceLeave(socket, room, name).catch(() => {
          // Redis away: the presence is sent again with the next join.
        });
      }
    });
    client.onClose(({ reason }) => {
      local.budget.closed();
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
    await presenceChanged(room);
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
    await presenceChanged(room, socket);
  }

  // #region process-gone
  // Lesson 3: another process died (SIGKILL) and could not say its
  // members left. Each process tells its own members (`local`) who left:
  // those in the last list it sent them and not in a new count.
  backend.onProcessGone = () => {
    const localRooms = new Set(
      [...rooms.sockets.values()].flatMap((socket) =>
        Object.keys(socket.data.names ?? {}),
      ),
    );
    for (const room of localRooms) {
      void (async () => {
        const before = lastPresence.get(room) ?? [];
        const now = await namesIn(room);
        const remaining = [...now];
        for (const name of before) {
          const at = remaining.indexOf(name);
          if (at === -1) {
            rooms.local
              .to(room)
              .emit("system", { room, kind: "leave", name, at: Date.now() });
          } else {
            remaining.splice(at, 1);
          }
        }
        await sendPresence(room);
      })().catch(() => {});
    }
  };
  // #endregion process-gone

  return {
    namespace: rooms,
    closing: () => {
      shuttingDown = true;
    },
    received: () => received,
  };
}
