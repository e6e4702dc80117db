// Lesson 2's contract (docs/rooms/protocol.md) as clauses, written once: the
// Vitest suite (suite.ts) registers each as a test against each app, and
// verify runs the ones an exercise covers against an attendee's server.
// Each clause uses its own room names and clients, so clauses do not see
// each other's traffic.
import { expect } from "vitest";
import { compareMessageIds, LIMITS } from "@repo/rooms";
import type { Clause } from "../clause.js";
import { BUSY_MACHINE_WAIT_MS, waitFor } from "../wait-for.js";
import type { RunningApp } from "../transport/spawn-app.js";
import type { RoomsClient, RoomsDriver, RoomsEvent } from "./driver.js";

/** What every rooms clause gets: the driver, the shared app, client makers. */
export interface RoomsContext {
  readonly driver: RoomsDriver;
  readonly app: RunningApp;
  /** A client; closed when the run ends. */
  readonly connect: () => Promise<RoomsClient>;
  /** A client already in `room` as `name`. */
  readonly member: (room: string, name: string) => Promise<RoomsClient>;
  /** A room name no other clause uses. */
  readonly freshRoom: () => string;
  /** Closes every client made so far. */
  readonly closeAll: () => Promise<void>;
}

/** Builds the context for one app; `app` is read when a clause runs. */
export function roomsContext(
  driver: RoomsDriver,
  app: () => RunningApp,
): RoomsContext {
  const clients: RoomsClient[] = [];
  let roomCount = 0;
  const context: RoomsContext = {
    driver,
    get app() {
      return app();
    },
    async connect() {
      const client = await driver.connect(app());
      clients.push(client);
      return client;
    },
    async member(room, name) {
      const client = await context.connect();
      expect(
        await client.request("join", { room, name }),
        `the answer to ${name}'s join`,
      ).toMatchObject({ ok: true });
      return client;
    },
    freshRoom: () => `room-${++roomCount}`,
    async closeAll() {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  };
  return context;
}

/** The events of one kind a client got, in order. */
function eventsOf(
  client: RoomsClient,
  event: string,
  room?: string,
): unknown[] {
  return client.events
    .filter((e: RoomsEvent) => e.event === event)
    .map((e) => e.data)
    .filter(
      (data) => room === undefined || (data as { room?: string }).room === room,
    );
}

type RoomsClause = Clause<RoomsContext>;

const BAD_INPUT = "bad input gets an answer and the connection stays open";
const longName = "n".repeat(LIMITS.maxNameLength);
const longText = "t".repeat(LIMITS.maxTextLength);

// Deeper nesting than 1000 overflows the test's own client libraries
// (JSON.stringify, socket.io-parser's hasBinary): the hostile-input
// suite sends those as raw frames.
const badInputs: ReadonlyArray<readonly [string, string, unknown, string]> = [
  [
    "a room of 32 characters",
    "join",
    { room: "r".repeat(32), name: "ann" },
    "ok",
  ],
  [
    "a room of 33 characters",
    "join",
    { room: "r".repeat(33), name: "ann" },
    "bad-request",
  ],
  [
    "a room in upper case",
    "join",
    { room: "Lobby", name: "ann" },
    "bad-request",
  ],
  [
    `a name of ${LIMITS.maxNameLength}`,
    "join",
    { room: "edges", name: longName },
    "ok",
  ],
  [
    `a name of ${LIMITS.maxNameLength + 1}`,
    "join",
    { room: "edges", name: `${longName}n` },
    "bad-request",
  ],
  [
    "a name with a control character",
    "join",
    { room: "edges", name: "a\u0007" },
    "bad-request",
  ],
  [
    "a name that is a number",
    "join",
    { room: "edges", name: 7 },
    "bad-request",
  ],
  [
    `a text of ${LIMITS.maxTextLength}`,
    "say",
    { room: "edges", text: longText },
    "ok",
  ],
  [
    `a text of ${LIMITS.maxTextLength + 1}`,
    "say",
    { room: "edges", text: `${longText}t` },
    "bad-request",
  ],
  ["a text of spaces", "say", { room: "edges", text: "   " }, "bad-request"],
  ["data that is not an object", "say", "edges", "bad-request"],
  [
    "data nested 1000 deep",
    "say",
    JSON.parse("[".repeat(1000) + "]".repeat(1000)) as unknown,
    "bad-request",
  ],
  [
    "a __proto__ key",
    "say",
    JSON.parse('{"__proto__":{"room":"edges"},"text":"x"}') as unknown,
    "bad-request",
  ],
  ["an unknown event", "dance", { room: "edges" }, "unknown-event"],
  ["the event `error`", "error", { room: "edges" }, "unknown-event"],
];

/** Every clause of lesson 2's contract, in the suite's order. */
export const roomsClauses: readonly RoomsClause[] = [
  {
    id: "rooms-page",
    name: "serves the rooms page",
    expected: "GET /rooms answers 200 with the chat page.",
    async run({ app }) {
      const response = await fetch(`${app.origin}/rooms`);
      expect(response.status, "the status of GET /rooms").toBe(200);
      expect(await response.text()).toContain('id="rooms"');
    },
  },
  {
    id: "join",
    name: "answers a join with the members, sorted, and the room's history",
    expected:
      "A join is answered {ok: true, room, members (sorted, the joiner included, names trimmed), history, complete}.",
    async run({ connect, member, freshRoom }) {
      const room = freshRoom();
      await member(room, "zoe");
      const ann = await connect();
      expect(
        await ann.request("join", { room, name: " ann " }),
        "the answer to ann's join",
      ).toEqual({
        ok: true,
        room,
        members: ["ann", "zoe"],
        history: [],
        complete: true,
      });
    },
  },
  {
    id: "broadcast",
    name: "delivers a message to every member, the sender included, in one order",
    expected:
      "A `say` reaches every member of the room as a `message`, the sender included, and every member sees the messages in the same order.",
    async run({ driver, member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const said = ["a1", "b1", "a2", "b2", "a3", "b3"].map((text) =>
        (text.startsWith("a") ? ann : bob).request("say", { room, text }),
      );
      expect(
        (await Promise.all(said)).every((answer) => answer.ok),
        "every say answered ok",
      ).toBe(true);
      await waitFor(() => {
        expect(
          eventsOf(ann, "message", room),
          "the messages ann (a sender) received",
        ).toHaveLength(6);
        expect(
          eventsOf(bob, "message", room),
          "the messages bob (a sender) received",
        ).toHaveLength(6);
      });
      const order = (client: RoomsClient) =>
        eventsOf(client, "message", room).map((m) => (m as { id: string }).id);
      if (driver.capabilities.deliveryOrder === "by-id") {
        // Socket.IO's adapter across processes: each process gets its own
        // members' messages first; the ids are the one order (the page
        // shows messages by id), and each sender's own stay in order.
        const byId = (ids: string[]) => [...ids].sort(compareMessageIds);
        expect(byId(order(ann))).toEqual(byId(order(bob)));
        for (const client of [ann, bob]) {
          const texts = eventsOf(client, "message", room).map(
            (m) => (m as { text: string }).text,
          );
          expect(texts.filter((t) => t.startsWith("a"))).toEqual([
            "a1",
            "a2",
            "a3",
          ]);
          expect(texts.filter((t) => t.startsWith("b"))).toEqual([
            "b1",
            "b2",
            "b3",
          ]);
        }
      } else {
        expect(order(ann), "the order ann saw, beside bob's").toEqual(
          order(bob),
        );
      }
      expect(eventsOf(bob, "message", room)[0]).toMatchObject({
        room,
        name: expect.any(String) as string,
        text: expect.stringMatching(/^[ab]1$/) as string,
        at: expect.any(Number) as number,
      });
    },
  },
  {
    id: "presence-join",
    name: "tells the others of a join, and everyone of the presence",
    expected:
      "When bob joins, the others get a `system` join message; everyone, bob included, gets the new `presence` list.",
    async run({ member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      await waitFor(() =>
        expect(
          eventsOf(ann, "presence", room).at(-1),
          "the last presence ann received",
        ).toEqual({
          room,
          members: ["ann", "bob"],
        }),
      );
      expect(
        eventsOf(ann, "system", room),
        "the system messages ann received",
      ).toEqual([
        { room, kind: "join", name: "bob", at: expect.any(Number) as number },
      ]);
      await waitFor(() =>
        expect(
          eventsOf(bob, "presence", room).at(-1),
          "the last presence bob received",
        ).toEqual({
          room,
          members: ["ann", "bob"],
        }),
      );
      expect(
        eventsOf(bob, "system", room),
        "the system messages bob (the joiner) received",
      ).toEqual([]);
    },
  },
  {
    id: "join-twice",
    name: "answers a second join of the same room ok, with no second system message",
    expected:
      "Joining a room you are already in is answered ok, and the others get no second join message.",
    async run({ member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      expect(
        await bob.request("join", { room, name: "bob" }),
        "the answer to bob's second join",
      ).toMatchObject({
        ok: true,
        members: ["ann", "bob"],
      });
      await ann.request("say", { room, text: "flush" });
      await waitFor(() =>
        expect(
          eventsOf(ann, "message", room),
          "the messages ann (the sender) received",
        ).toHaveLength(1),
      );
      expect(
        eventsOf(ann, "system", room),
        "the system messages ann received",
      ).toHaveLength(1);
    },
  },
  {
    id: "too-many-rooms",
    name: `refuses a ${LIMITS.maxRoomsPerConnection + 1}th room with too-many-rooms`,
    expected: `A connection may be in ${LIMITS.maxRoomsPerConnection} rooms; one more join is refused with too-many-rooms.`,
    async run({ connect, freshRoom }) {
      const client = await connect();
      for (let i = 0; i < LIMITS.maxRoomsPerConnection; i++) {
        expect(
          await client.request("join", { room: freshRoom(), name: "ann" }),
        ).toMatchObject({ ok: true });
      }
      expect(
        await client.request("join", { room: freshRoom(), name: "ann" }),
      ).toMatchObject({
        ok: false,
        error: "too-many-rooms",
      });
    },
  },
  ...["say", "leave", "typing"].map((event): RoomsClause => ({
    id: `not-in-room-${event}`,
    name: `answers ${event} to a room not joined with not-in-room`,
    expected: `A ${event} for a room the client has not joined is refused with not-in-room and a message that says to join it first.`,
    async run({ connect, freshRoom }) {
      const client = await connect();
      expect(
        await client.request(event, { room: freshRoom(), text: "hi" }),
        `the answer to ${event}`,
      ).toMatchObject({
        ok: false,
        error: "not-in-room",
        message: expect.stringMatching(/join it first/) as string,
      });
    },
  })),
  {
    id: "rate-limit",
    name: `refuses the ${LIMITS.sayBurst + 1}th say in a burst, delivers none of it, and stays open`,
    expected: `Past ${LIMITS.sayBurst} says in a burst, a say is refused with rate-limited and delivered to nobody; the room goes on.`,
    async run({ member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const answers = await Promise.all(
        Array.from({ length: LIMITS.sayBurst + 1 }, (_, i) =>
          ann.request("say", { room, text: `m${i}` }),
        ),
      );
      expect(answers.filter((a) => a.ok)).toHaveLength(LIMITS.sayBurst);
      expect(answers.at(-1)).toMatchObject({
        ok: false,
        error: "rate-limited",
      });
      expect(
        await bob.request("say", { room, text: "still here" }),
      ).toMatchObject({ ok: true });
      await waitFor(() =>
        expect(eventsOf(bob, "message", room)).toHaveLength(
          LIMITS.sayBurst + 1,
        ),
      );
      expect(
        eventsOf(bob, "message", room).map((m) => (m as { text: string }).text),
      ).not.toContain(`m${LIMITS.sayBurst}`);
    },
  },
  {
    id: "join-leave-rate",
    name: `refuses the ${LIMITS.membershipBurst + 1}th join or leave in a burst, and tells the room nothing of it`,
    expected: `Past ${LIMITS.membershipBurst} joins and leaves in a burst, one is refused with rate-limited and sends no system or presence: each would reach every member.`,
    async run({ connect, member, freshRoom }) {
      const room = freshRoom();
      const bob = await member(room, "bob");
      const ann = await connect();
      const answers = [];
      for (let i = 0; i <= LIMITS.membershipBurst; i++)
        answers.push(
          await (i % 2 === 0
            ? ann.request("join", { room, name: "ann" })
            : ann.request("leave", { room })),
        );
      expect(answers.slice(0, -1).every((a) => a.ok)).toBe(true);
      expect(answers.at(-1)).toMatchObject({
        ok: false,
        error: "rate-limited",
      });
      // Bob hears of every join and leave that was answered ok, and of
      // nothing else: the refused one never reaches him (checked again
      // after a round trip of his own).
      const heard = () =>
        eventsOf(bob, "system", room).map((e) => (e as { kind: string }).kind);
      const expected = Array.from({ length: LIMITS.membershipBurst }, (_, i) =>
        i % 2 === 0 ? "join" : "leave",
      );
      await waitFor(() => expect(heard()).toEqual(expected));
      expect(await bob.request("say", { room, text: "after" })).toMatchObject({
        ok: true,
      });
      await waitFor(() =>
        expect(eventsOf(bob, "message", room)).toHaveLength(1),
      );
      expect(heard()).toEqual(expected);
    },
  },
  {
    id: "typing",
    name: "relays typing to the others, at most once a second per member and room",
    expected:
      "A `typing` reaches the others (never the typist), at most once a second per member and room.",
    async run({ member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const started = performance.now();
      for (let i = 0; i < 5; i++) ann.send("typing", { room });
      // A say after them: once bob has it, every relayed typing came first.
      await ann.request("say", { room, text: "done typing" });
      await waitFor(() =>
        expect(eventsOf(bob, "message", room)).toHaveLength(1),
      );
      const seconds = Math.floor((performance.now() - started) / 1000);
      const typing = eventsOf(bob, "typing", room);
      expect(typing.length).toBeGreaterThanOrEqual(1);
      expect(typing.length).toBeLessThanOrEqual(1 + seconds);
      expect(typing[0]).toEqual({ room, name: "ann" });
      expect(eventsOf(ann, "typing", room)).toEqual([]);
    },
  },
  {
    id: "leave",
    name: "tells the others when a member leaves, and when one closes",
    expected:
      "A member that leaves, or whose connection closes, is gone from the room: the others get a `system` leave message and the new `presence`.",
    async run({ driver, member, freshRoom }) {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const cid = await member(room, "cid");
      expect(
        await bob.request("leave", { room }),
        "the answer to bob's leave",
      ).toEqual({ ok: true });
      await cid.close();
      await waitFor(() =>
        expect(
          eventsOf(ann, "presence", room).at(-1),
          "the last presence ann received",
        ).toEqual({
          room,
          members: ["ann"],
        }),
      );
      const lines = eventsOf(ann, "system", room).map(
        (e) =>
          (e as { kind: string; name: string }).kind +
          " " +
          (e as { name: string }).name,
      );
      const expected = ["join bob", "join cid", "leave bob", "leave cid"];
      if (driver.capabilities.deliveryOrder === "by-id") {
        // Socket.IO across processes: lines from two processes may cross
        // (see the clause on one order); each member's own stay in order.
        expect(
          [...lines].sort(),
          "the system messages ann received, in any order",
        ).toEqual([...expected].sort());
        for (const name of ["bob", "cid"])
          expect(
            lines.filter((line) => line.endsWith(name)),
            `the system messages about ${name}`,
          ).toEqual([`join ${name}`, `leave ${name}`]);
      } else {
        expect(lines, "the system messages ann received").toEqual(expected);
      }
    },
  },
  {
    id: "catch-up",
    name: "catches up with `after`, and says when the history no longer reaches back",
    expected: `A join with \`after\` gets the messages since that id; when the room no longer keeps them (it keeps ${LIMITS.historyPerRoom}), the answer says complete: false.`,
    async run({ connect, member, freshRoom }) {
      const room = freshRoom();
      const first = await member(room, "s0");
      const firstId = (await first.request("say", { room, text: "0" })).id;
      const second = (await first.request("say", { room, text: "1" })).id;
      const late = await connect();
      expect(
        await late.request("join", { room, name: "late", after: firstId }),
        "the answer to a join with `after`",
      ).toMatchObject({
        ok: true,
        history: [{ id: second, text: "1" }],
        complete: true,
      });
      // Past what a room keeps: speakers enough to stay under the rate limit.
      for (let speaker = 1; speaker <= 6; speaker++) {
        const client = await member(room, `s${speaker}`);
        await Promise.all(
          Array.from({ length: 9 }, (_, i) =>
            client.request("say", { room, text: `${speaker}.${i}` }),
          ),
        );
      }
      const back = await connect();
      const answer = await back.request("join", {
        room,
        name: "back",
        after: firstId,
      });
      expect(answer.complete, "`complete` in the answer").toBe(false);
      expect(answer.history as unknown[]).toHaveLength(LIMITS.historyPerRoom);
    },
  },
  ...badInputs.map(([what, event, data, wanted]): RoomsClause => ({
    id: `bad-input: ${what}`,
    group: BAD_INPUT,
    name: `${what}: ${event}`,
    expected:
      wanted === "ok"
        ? `${what} is accepted, and the connection stays open.`
        : `${what} is refused with ${wanted} and a message, and the connection stays open.`,
    async run({ member }) {
      const client = await member("edges", "edge");
      const answer = await client.request(event, data);
      if (wanted === "ok") expect(answer).toMatchObject({ ok: true });
      else
        expect(answer).toMatchObject({
          ok: false,
          error: wanted,
          message: expect.any(String) as string,
        });
      expect(
        await client.request("say", { room: "edges", text: "still open" }),
      ).toMatchObject({ ok: true });
    },
  })),
  {
    id: "refusal-without-answer",
    group: BAD_INPUT,
    name: "refuses what a client sent without asking for an answer, as the transport can",
    expected:
      "Garbage, or a refused request that asked for no answer, is refused (ws: an `error` event) and logged; the connection stays open.",
    async run({ app, driver, member, freshRoom }) {
      const client = await member(freshRoom(), "ann");
      driver.sendGarbage(client);
      client.send("say", { room: "not-joined", text: "x" });
      if (driver.capabilities.refusalWithoutAnswer === "error-event") {
        await waitFor(() =>
          expect(
            eventsOf(client, "error").map(
              (e) => (e as { error: string }).error,
            ),
          ).toEqual(["bad-request", "not-in-room"]),
        );
      }
      expect(
        await client.request("typing", { room: "not-joined" }),
      ).toMatchObject({ error: "not-in-room" });
      await waitFor(() =>
        expect(app.output.join("\n")).toMatch(/refused: not-in-room/),
      );
    },
  },
  {
    id: "stopped-reading",
    name: "drops a member that stopped reading, and the others keep talking",
    expected:
      "A member whose client stopped reading is dropped by the heartbeat, and the others keep talking meanwhile.",
    timeoutMs: 30_000,
    async run({ driver, freshRoom }) {
      // Its own app, with a heartbeat fast enough to see the drop.
      const quick = await driver.start({ HEARTBEAT_MS: "300" });
      const room = freshRoom();
      const join = async (name: string) => {
        const client = await driver.connect(quick);
        expect(await client.request("join", { room, name })).toMatchObject({
          ok: true,
        });
        return client;
      };
      try {
        const [ann, bob, frozen] = await Promise.all([
          join("ann"),
          join("bob"),
          join("frozen"),
        ]);
        const destroy = driver.stopReading(frozen);
        for (let i = 0; i < 5; i++) {
          expect(
            await ann.request("say", {
              room,
              text: `m${i} ${"x".repeat(400)}`,
            }),
          ).toMatchObject({ ok: true });
        }
        await waitFor(() =>
          expect(eventsOf(bob, "message", room)).toHaveLength(5),
        );
        // Dropped by the heartbeat: no pong from a client that reads nothing.
        await waitFor(
          () =>
            expect(eventsOf(bob, "presence", room).at(-1)).toEqual({
              room,
              members: ["ann", "bob"],
            }),
          { timeout: 10_000 },
        );
        destroy();
        await Promise.all([ann.close(), bob.close()]);
        await waitFor(
          async () => expect((await quick.stats()).openConnections).toBe(0),
          { timeout: BUSY_MACHINE_WAIT_MS },
        );
      } finally {
        await quick.stop();
      }
    },
  },
  {
    id: "rooms-baseline",
    name: "leaves connections and timers at baseline once every client closed",
    expected:
      "Once every client closed, no connection is open and no timer of theirs is left (/stats).",
    async run({ app, closeAll }) {
      await closeAll();
      await waitFor(
        async () => {
          const stats = await app.stats();
          expect(stats.openConnections, "openConnections at /stats").toBe(0);
          expect(stats.liveTimers, "liveTimers at /stats").toBe(0);
        },
        { timeout: 5000 },
      );
    },
  },
];
