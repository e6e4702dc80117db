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
import type { RoomEvent, RoomsBackend } from "./backend.js";
import { encodeFrame, Preencoded, readFrame } from "./frames.js";
import { recipients as appRecipients, type Recipients } from "./recipients.js";

/** One connection of the chat, and what the server keeps about it. */
interface Member {
  readonly client: TrackedConnection;
  readonly ws: WebSocket;
  /** The rooms it is in, and the name it joined each with. */
  readonly rooms: Map<string, string>;
  /** What it may still cost the room (see rate-limit). */
  readonly budget: ConnectionBudget;
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
  /** Where the rooms live: this process's memory (backend.ts), or lesson 3's. */
  backend: RoomsBackend;
  /** Who gets each event (recipients.ts; the ws-rooms exercise gives its own). */
  recipients?: Recipients;
}): Rooms {
  const { tracker, heartbeat, log, open, backend } = options;
  const recipients = options.recipients ?? appRecipients;
  let received = 0;
  const guard = new FloodGuard({ shared: backend.addressBudgets });

  // #region rooms
  // With ws there are no rooms: a room is a Set of connections we keep,
  // and leaving it on every way out (leave, close) is ours to get right.
  // These are the members this process holds; the names in each room,
  // and its history, are the backend's.
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
    member.budget.left(room);
  }
  // #endregion rooms

  // #region broadcast
  // Every event for a room comes here from the backend, once per
  // process: encode once, send to each member we hold that it is for
  // (recipients.ts: everyone, or all but the one it is from). Every send goes
  // through the tracker's guard (open? not buffering too much?), so one
  // slow member cannot make the server queue without end. "typing" goes
  // only to members with nothing waiting (what Socket.IO's `volatile`
  // does for it).
  backend.deliver = (delivery: RoomEvent) => {
    const { event, data } = delivery;
    const from = "from" in delivery ? delivery.from : undefined;
    const text = new Preencoded(encodeFrame(event, data));
    for (const member of rooms.get(data.room) ?? []) {
      if (recipients[event] === "others" && member.client.id === from) continue;
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
    // Joined again: no second "join" for the others. Else the others hear
    // of it before the answer goes out, so that whoever joins after this
    // answer cannot get this one's announcement too.
    if (!already) {
      member.log.line(
        `${member.client.id} joined ${room} as ${quoteText(joinedAs, 40)}`,
      );
      await backend.announce(room, "join", member.client.id, joinedAs);
    }
    answer(member, ack, {
      ok: true,
      room,
      members,
      ...(await catchUp(room, after)),
    });
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
  // sender included: one order for all. If it cannot, the sender is
  // told, and nobody got it.
  async function say(
    member: Member,
    request: Requests["say"],
    ack?: number,
  ): Promise<void> {
    const { room, text } = request;
    const name = member.rooms.get(room)!;
    const message = await backend.say(room, member.client.id, name, text);
    answer(member, ack, { ok: true, id: message.id, at: message.at });
  }
  // #endregion say

  // #region rate-limit
  // What one client may cost the room, counted by the rooms package for
  // both apps: every request against an overall budget, then `join` and
  // `leave` (each sends `system` and `presence` to every member), `say`
  // and `typing` against their own, per connection and per client
  // address. Over budget: answered `rate-limited` (an extra `typing` is
  // only dropped); refused too often: closed with 1008.
  function obey(member: Member, verdict: Verdict, ack?: number): boolean {
    switch (verdict.kind) {
      case "go":
        return true;
      case "drop":
        return false;
      case "refuse":
        answer(member, ack, verdict.answer);
        return false;
      case "close":
        log(`${member.client.id} closed: ${verdict.reason}`);
        member.ws.close(1008, verdict.reason);
        return false;
    }
  }
  // #endregion rate-limit

  // #region typing
  // "typing" is worth nothing late: at most one a second per member and
  // room (the budget drops the others, see rate-limit), and only to
  // members with nothing waiting in their buffer (see broadcast).
  async function typing(
    member: Member,
    room: string,
    ack?: number,
  ): Promise<void> {
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
    // Every frame counts, bad ones too (an extra `typing` is only dropped).
    const arrived = member.budget.arrived(frame.ok ? frame.event : undefined);
    if (!obey(member, arrived, frame.ack)) return;
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
    if (!obey(member, await member.budget.admit(event, request.room), ack))
      return;
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
      // Only the backend fails here (lesson 3's, when Redis is away).
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
        budget: guard.connect(client.ip),
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
        // Each leave below reaches the room like a `leave`: paid for.
        member.budget.charge(member.rooms.size);
        member.budget.closed();
        for (const room of [...member.rooms.keys()]) {
          leave(member, room).catch(() => {
            // The backend failed: it tells the room when it is back
            // (lesson 3's registers this process's members again).
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
