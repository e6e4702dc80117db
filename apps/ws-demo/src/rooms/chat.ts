// Lesson 2 on plain ws: chat rooms, by hand. Everything Socket.IO gives
// as a feature (rooms, broadcast, acknowledgements, dropping what a slow
// client cannot take) is written here, one region per feature, so that
// the docs can set each one beside its Socket.IO counterpart.
import type { IncomingMessage } from "node:http";
import type { RawData, WebSocket } from "ws";
import {
  fromWs,
  quoteText,
  type Heartbeat,
  type Tracker,
  type TrackedConnection,
} from "@repo/lifecycle";
import { LogBudget, type Log } from "@repo/demo-kit";
import {
  isRequestEvent,
  LIMITS,
  parseRequest,
  refusal,
  TokenBucket,
  type Answer,
  type Requests,
} from "@repo/rooms";
import type { RoomEvent, RoomsBackend } from "./backend.js";
import { encodeFrame, Preencoded, readFrame } from "./frames.js";

/** One connection of the chat, and what the server keeps about it. */
interface Member {
  readonly client: TrackedConnection;
  readonly ws: WebSocket;
  /** The rooms it is in, and the name it joined each with. */
  readonly rooms: Map<string, string>;
  readonly sayBucket: TokenBucket;
  /** When it last had a `typing` relayed, per room. */
  readonly typingAt: Map<string, number>;
  readonly log: LogBudget;
}

export interface Rooms {
  /** Takes a WebSocket that connected to the rooms path. */
  onConnection(this: void, ws: WebSocket, request: IncomingMessage): void;
  /** Frames received on the rooms path, for /stats. */
  received(): number;
}

export function createRooms(options: {
  tracker: Tracker;
  heartbeat: Heartbeat;
  log: Log;
  /** The sockets shutdown must close: ours are added and removed here. */
  open: Set<WebSocket>;
  /** Where the rooms live: this process (lesson 2) or Redis (lesson 3). */
  backend: RoomsBackend;
}): Rooms {
  const { tracker, heartbeat, log, open, backend } = options;
  let received = 0;

  // #region rooms
  // With ws there are no rooms: a room is a Set of connections we keep,
  // and leaving it on every way out (leave, close) is ours to get right.
  // These are this process's members; who is in a room on every process,
  // and its history, are the backend's (memory, or Redis in lesson 3).
  const rooms = new Map<string, Set<Member>>();

  function membersOf(room: string): Set<Member> {
    let members = rooms.get(room);
    if (!members) {
      members = new Set();
      rooms.set(room, members);
    }
    return members;
  }

  function removeFrom(room: string, member: Member): void {
    const members = rooms.get(room);
    members?.delete(member);
    if (members?.size === 0) rooms.delete(room);
    member.rooms.delete(room);
    member.typingAt.delete(room);
  }
  // #endregion rooms

  // #region broadcast
  // Every event for a room comes here from the backend, once per
  // process: encode once, send to each member we hold. Every send goes
  // through the tracker's guard (open? not buffering too much?), so one
  // slow member cannot make the server queue without end. "typing" goes
  // only to members with nothing waiting (what Socket.IO's `volatile`
  // does for it).
  backend.deliver = (delivery: RoomEvent) => {
    const { event, data } = delivery;
    const skip = "skip" in delivery ? delivery.skip : undefined;
    const text = new Preencoded(encodeFrame(event, data));
    for (const member of rooms.get(data.room) ?? []) {
      if (member.client.id === skip) continue;
      if (event === "typing" && member.ws.bufferedAmount > 0) continue;
      member.client.send(event, text);
    }
  };
  // #endregion broadcast

  // #region acks
  // A request that wants an answer carries "ack": n; the answer goes back
  // exactly once as {"event":"ack","ack":n,"data":…}. A refusal of a
  // request that asked for none still has to reach the client: it goes
  // out as an `error` event.
  function answer<T extends object>(
    member: Member,
    ack: number | undefined,
    reply: Answer<T>,
  ): void {
    if (ack !== undefined) {
      member.client.send("ack", new Preencoded(encodeFrame("ack", reply, ack)));
    } else if (!reply.ok) {
      member.client.send("error", {
        error: reply.error,
        message: reply.message,
      });
    }
    if (!reply.ok) {
      member.log.line(
        `${member.client.id} refused: ${reply.error}, ${reply.message}`,
      );
    }
  }
  // #endregion acks

  // #region join
  async function join(
    member: Member,
    request: Requests["join"],
    ack?: number,
  ): Promise<void> {
    const { room, name, after } = request;
    const already = member.rooms.has(room);
    if (!already && member.rooms.size >= LIMITS.maxRoomsPerConnection) {
      answer(
        member,
        ack,
        refusal(
          "too-many-rooms",
          `one connection can be in at most ${LIMITS.maxRoomsPerConnection} rooms; leave one first`,
        ),
      );
      return;
    }
    if (!already) {
      membersOf(room).add(member);
      member.rooms.set(room, name);
    }
    const joinedAs = member.rooms.get(room)!;
    const members = await backend.join(room, member.client.id, joinedAs);
    answer(member, ack, {
      ok: true,
      room,
      members,
      ...(await catchUp(room, after)),
    });
    if (already) return; // joined again: no second "join" for the others
    member.log.line(
      `${member.client.id} joined ${room} as ${quoteText(joinedAs, 40)}`,
    );
    await backend.announce(room, "join", member.client.id, joinedAs);
  }
  // #endregion join

  // #region catch-up
  // A page that lost its connection joins again with `after`, the last
  // message id it showed: it gets what came after, and `complete: false`
  // when some of that was already dropped from the room's history.
  function catchUp(room: string, after: string | undefined) {
    return backend.since(room, after);
  }
  // #endregion catch-up

  // #region leave
  async function leave(member: Member, room: string): Promise<void> {
    const name = member.rooms.get(room)!;
    removeFrom(room, member);
    await backend.leave(room, member.client.id);
    await backend.announce(room, "leave", member.client.id, name);
  }
  // #endregion leave

  // #region say
  // The backend stores the message and sends it to every member, the
  // sender included: one order for all. If it cannot (Redis away), the
  // sender is told, and nobody got it.
  async function say(
    member: Member,
    request: Requests["say"],
    ack?: number,
  ): Promise<void> {
    const { room, text } = request;
    if (!withinRate(member, ack)) return;
    const message = await backend.say(room, member.rooms.get(room)!, text);
    answer(member, ack, { ok: true, id: message.id, at: message.at });
  }
  // #endregion say

  // #region rate-limit
  // A bucket of 10 `say`, one back per second, per connection: the 11th
  // in a burst is refused, and the connection stays open.
  function withinRate(member: Member, ack: number | undefined): boolean {
    if (member.sayBucket.take(performance.now())) return true;
    answer(
      member,
      ack,
      refusal(
        "rate-limited",
        `at most ${LIMITS.sayBurst} messages at once, then one a second; wait a moment`,
      ),
    );
    return false;
  }
  // #endregion rate-limit

  // #region typing
  // "typing" is worth nothing late: at most one a second per member and
  // room, and only to members with nothing waiting in their buffer (see
  // broadcast).
  async function typing(
    member: Member,
    room: string,
    ack?: number,
  ): Promise<void> {
    const now = performance.now();
    if (
      now - (member.typingAt.get(room) ?? -Infinity) <
      LIMITS.typingIntervalMs
    ) {
      return; // dropped, without an answer
    }
    member.typingAt.set(room, now);
    await backend.typing(room, member.client.id, member.rooms.get(room)!);
    if (ack !== undefined) answer(member, ack, { ok: true });
  }
  // #endregion typing

  // #region dispatch
  async function onFrame(
    member: Member,
    data: RawData,
    isBinary: boolean,
  ): Promise<void> {
    received += 1;
    const frame = readFrame(data, isBinary);
    if (!frame.ok) {
      answer(member, frame.ack, frame.answer);
      return;
    }
    const { event, ack } = frame;
    if (!isRequestEvent(event)) {
      answer(
        member,
        ack,
        refusal(
          "unknown-event",
          `unknown event ${quoteText(String(event), 40)}; the events are join, leave, say and typing`,
        ),
      );
      return;
    }
    const checked = parseRequest(event, frame.data);
    if (!checked.ok) {
      answer(member, ack, checked.answer);
      return;
    }
    const request = checked.value;
    if (event !== "join" && !member.rooms.has(request.room)) {
      answer(
        member,
        ack,
        refusal(
          "not-in-room",
          `you are not in room ${request.room}; join it first`,
        ),
      );
      return;
    }
    try {
      switch (event) {
        case "join":
          await join(member, request as Requests["join"], ack);
          break;
        case "leave":
          await leave(member, request.room);
          answer(member, ack, { ok: true });
          break;
        case "say":
          await say(member, request as Requests["say"], ack);
          break;
        case "typing":
          await typing(member, request.room, ack);
          break;
      }
    } catch {
      // Only the backend fails here: Redis is away (lesson 3).
      answer(member, ack, unavailable());
    }
  }
  // #endregion dispatch

  return {
    onConnection(ws, request) {
      const client = tracker.track(fromWs(ws, request, encodePreencoded));
      const member: Member = {
        client,
        ws,
        rooms: new Map(),
        sayBucket: new TokenBucket(
          LIMITS.sayBurst,
          LIMITS.sayRefillMs,
          performance.now(),
        ),
        typingAt: new Map(),
        log: new LogBudget(log, { subject: client.id, noun: "lines" }),
      };
      log(`connect ${client.id} from ${client.ip} to the rooms`);
      open.add(ws);
      heartbeat.watch(client, ws);
      ws.on("message", (data: RawData, isBinary: boolean) => {
        void onFrame(member, data, isBinary);
      });
      ws.on("error", (error) => log(`${client.id} error: ${error.message}`));
      // #region close
      // Closing leaves every room, however the connection ended.
      client.onClose(({ code }) => {
        open.delete(ws);
        for (const room of [...member.rooms.keys()]) {
          leave(member, room).catch(() => {
            // Redis away: the others learn it when this process
            // registers its members again.
          });
        }
        member.log.flush();
        log(`close ${client.id} from ${client.ip}: code ${code}`);
      });
      // #endregion close
    },
    received: () => received,
  };
}

/** The tracker's encoder for rooms connections: pre-encoded frames go out as they are. */
function encodePreencoded(event: string, payload: unknown): string {
  return payload instanceof Preencoded
    ? payload.text
    : encodeFrame(event, payload);
}

/** The answer when the backend failed: lesson 3's Redis is away. */
function unavailable(): Answer<never> {
  return refusal(
    "unavailable",
    "the chat cannot reach its Redis right now; nothing was sent, try again in a moment",
  );
}
