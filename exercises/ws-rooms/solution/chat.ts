// Exercise ws-rooms: YOUR FILE. Lesson 2's chat rooms on plain ws, as
// ws-demo has them (apps/ws-demo/src/rooms/chat.ts); the server around it
// is server.ts and ../../kit/. The step: who gets each event (docs:
// Lesson 2, Broadcast, and Pitfalls, "Broadcasting to the sender by
// mistake, or never to the sender").
// Lesson 2 on plain ws: chat rooms, by hand. Everything Socket.IO gives
// as a feature (rooms, broadcast, acknowledgements, dropping what a slow
// client cannot take) is written here, one region per feature, so that
// the docs can set each one beside its Socket.IO counterpart.
import type { IncomingMessage } from "node:http";
import type { RawData, WebSocket } from "ws";
import {
  fromWs,
  type Heartbeat,
  type Tracker,
  type TrackedConnection,
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
} from "@repo/rooms";
import { encodeFrame, Preencoded, readFrame } from "../../kit/ws-frames.js";

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
}): Rooms {
  const { tracker, heartbeat, log, open } = options;
  let received = 0;

  // #region rooms
  // With ws there are no rooms: a room is a Set of connections we keep,
  // and leaving it on every way out (leave, close) is ours to get right.
  const rooms = new Map<string, Set<Member>>();
  const history = new RoomHistory((room) => (rooms.get(room)?.size ?? 0) > 0);

  function membersOf(room: string): Set<Member> {
    let members = rooms.get(room);
    if (!members) {
      members = new Set();
      rooms.set(room, members);
    }
    return members;
  }

  function namesIn(room: string): string[] {
    return [...(rooms.get(room) ?? [])]
      .map((member) => member.rooms.get(room)!)
      .sort();
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
  // Encode once, send to each: every send goes through the tracker's
  // guard (open? not buffering too much?), so one slow member cannot
  // make the server queue without end.
  function toRoom(
    room: string,
    event: string,
    data: unknown,
    except?: Member,
  ): void {
    const text = new Preencoded(encodeFrame(event, data));
    for (const member of rooms.get(room) ?? []) {
      if (member !== except) member.client.send(event, text);
    }
  }
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
  function join(member: Member, request: Requests["join"], ack?: number): void {
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
    answer(member, ack, {
      ok: true,
      room,
      members: namesIn(room),
      ...catchUp(room, after),
    });
    if (already) return; // joined again: no second "join" for the others
    member.log.line(
      `${member.client.id} joined ${room} as ${quoteText(member.rooms.get(room)!, 40)}`,
    );
    toRoom(
      room,
      "system",
      { room, kind: "join", name, at: Date.now() },
      member,
    );
    toRoom(room, "presence", { room, members: namesIn(room) });
  }
  // #endregion join

  // #region catch-up
  // A page that lost its connection joins again with `after`, the last
  // message id it showed: it gets what came after, and `complete: false`
  // when some of that was already dropped from the room's history.
  function catchUp(room: string, after: string | undefined) {
    return history.since(room, after);
  }
  // #endregion catch-up

  // #region leave
  function leave(member: Member, room: string): void {
    const name = member.rooms.get(room)!;
    removeFrom(room, member);
    toRoom(room, "system", { room, kind: "leave", name, at: Date.now() });
    toRoom(room, "presence", { room, members: namesIn(room) });
  }
  // #endregion leave

  // #region say
  function say(member: Member, request: Requests["say"], ack?: number): void {
    const { room, text } = request;
    if (!withinRate(member, ack)) return;
    const message = history.append(room, member.rooms.get(room)!, text);
    answer(member, ack, { ok: true, id: message.id, at: message.at });
    toRoom(room, "message", message); // the sender included: one order for all
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
  // room, and only to members with nothing waiting in their buffer (what
  // Socket.IO's `volatile` does for it).
  function typing(member: Member, room: string, ack?: number): void {
    const now = performance.now();
    if (
      now - (member.typingAt.get(room) ?? -Infinity) <
      LIMITS.typingIntervalMs
    ) {
      return; // dropped, without an answer
    }
    member.typingAt.set(room, now);
    const text = new Preencoded(
      encodeFrame("typing", { room, name: member.rooms.get(room)! }),
    );
    for (const other of rooms.get(room) ?? []) {
      if (other !== member && other.ws.bufferedAmount === 0) {
        other.client.send("typing", text);
      }
    }
    if (ack !== undefined) answer(member, ack, { ok: true });
  }
  // #endregion typing

  // #region dispatch
  function onFrame(member: Member, data: RawData, isBinary: boolean): void {
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
    switch (event) {
      case "join":
        join(member, request as Requests["join"], ack);
        break;
      case "leave":
        leave(member, request.room);
        answer(member, ack, { ok: true });
        break;
      case "say":
        say(member, request as Requests["say"], ack);
        break;
      case "typing":
        typing(member, request.room, ack);
        break;
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
      ws.on("message", (data: RawData, isBinary: boolean) =>
        onFrame(member, data, isBinary),
      );
      ws.on("error", (error) => log(`${client.id} error: ${error.message}`));
      // #region close
      // Closing leaves every room, however the connection ended.
      client.onClose(({ code }) => {
        open.delete(ws);
        for (const room of [...member.rooms.keys()]) leave(member, room);
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
