// Lesson 2 on Socket.IO: the same chat rooms as ws-demo's, with what the
// library gives: rooms (`join`, `to(room).emit`), acknowledgements (the
// callback), `volatile` for typing, middleware for checks and limits, and
// connection state recovery. One region per feature, as in ws-demo.
import type { Server } from "socket.io";
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
  type Verdict,
  unavailable,
} from "@repo/rooms";
import { ROOMS_NAMESPACE } from "../protocol.js";
import type { RoomsBackend } from "./backend.js";
import type { Presence, RoomsNamespace, RoomsSocket } from "./namespace.js";
import { recipients as appRecipients, type Recipients } from "./recipients.js";

/** What this process keeps per socket, beside Socket.IO's own. */
interface Local {
  readonly client: TrackedConnection;
  /** What it may still cost the room (see middleware). */
  readonly budget: ConnectionBudget;
  readonly log: LogBudget;
}

type AckCallback = <T extends object>(answer: Answer<T>) => void;

export interface Rooms {
  readonly namespace: RoomsNamespace;
  /** Shutdown begins: leaves are still announced, but not counted here. */
  closing(): void;
  /** Messages received on the rooms namespace, for /stats. */
  received(): number;
}

export function attachRooms(
  io: Server,
  options: {
    tracker: Tracker;
    log: Log;
    backend: RoomsBackend;
    /** Who gets each event (recipients.ts; the socketio-rooms exercise gives its own). */
    recipients?: Recipients;
  },
): Rooms {
  const { tracker, log, backend } = options;
  const recipients = options.recipients ?? appRecipients;
  let received = 0;
  const guard = new FloodGuard({ shared: backend.addressBudgets });
  // #region namespace
  // The rooms live in their own namespace, beside lesson 1's `/`, on the
  // same connection: the browser client multiplexes both.
  const rooms = io.of(ROOMS_NAMESPACE) as unknown as RoomsNamespace;
  // #endregion namespace
  const history = backend.messageLog(
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

  // #region presence
  // Who is in a room, sent to its members after each join and leave,
  // from a count of the sockets in it. `local`: this process's members
  // (with more than one process, each tells its own: lesson 3).
  async function sendPresence(room: string, leaving?: RoomsSocket) {
    const members = await namesIn(room, leaving);
    const to = rooms.local.to(room);
    (leaving ? to.except(leaving.id) : to).emit("presence", { room, members });
    return members;
  }
  const presence: Presence = backend.presence?.({
    namespace: rooms,
    namesIn,
    sendPresence,
  }) ?? {
    // One process: tell the room's members, at once.
    async changed(room, leaving) {
      await sendPresence(room, leaving);
    },
    closing() {},
  };
  // #endregion presence

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
      // The address's budget may be the backend's: wait for it.
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
          // To everyone in the room, the sender too (recipients.ts).
          recipients.message(rooms, socket, room).emit("message", message);
        })
        .catch(() => refused(ack, unavailable()));
    });
    // #endregion say

    // #region typing
    socket.on("typing", (request: Requests["typing"], ack?: AckCallback) => {
      const { room } = request;
      // (At most one a second per member and room: the middleware's
      // budget drops the others.) To the others, volatile (recipients.ts):
      // dropped for a client that cannot take it right now.
      recipients.typing(rooms, socket, room).emit("typing", {
        room,
        name: socket.data.names[room]!,
      });
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
          // The backend failed (lesson 3: Redis away): the presence is
          // sent again with the next join.
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
    recipients.joined(rooms, socket, room).emit("system", {
      room,
      kind: "join",
      name,
      at: Date.now(),
    });
    await presence.changed(room);
  }

  async function announceLeave(
    socket: RoomsSocket,
    room: string,
    name: string,
  ): Promise<void> {
    recipients.left(rooms, socket, room).emit("system", {
      room,
      kind: "leave",
      name,
      at: Date.now(),
    });
    await presence.changed(room, socket);
  }

  return {
    namespace: rooms,
    closing: () => presence.closing(),
    received: () => received,
  };
}
