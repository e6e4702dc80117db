// Lesson 2's contract (shared/ROOMS.md), written once and run against
// each app through its driver, as lesson 1's is. Each clause uses its own
// room names and clients, so clauses do not see each other's traffic.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compareMessageIds, LIMITS } from "@repo/rooms";
import type { RunningApp } from "../transport/spawn-app.js";
import type { RoomsClient, RoomsDriver, RoomsEvent } from "./driver.js";

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

/** Registers lesson 2's contract as a Vitest suite for one driver. */
export function describeRoomsContract(driver: RoomsDriver): void {
  describe(`rooms contract: ${driver.name}`, () => {
    let app: RunningApp;
    const clients: RoomsClient[] = [];
    let roomCount = 0;
    /** A room name no other clause uses. */
    const freshRoom = () => `room-${++roomCount}`;
    async function connect(): Promise<RoomsClient> {
      const client = await driver.connect(app);
      clients.push(client);
      return client;
    }
    /** A client already in `room` as `name`. */
    async function member(room: string, name: string): Promise<RoomsClient> {
      const client = await connect();
      expect(await client.request("join", { room, name })).toMatchObject({
        ok: true,
      });
      return client;
    }

    beforeAll(async () => {
      app = await driver.start({});
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await app?.stop();
    });

    it("serves the rooms page", async () => {
      const response = await fetch(`${app.origin}/rooms`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('id="rooms"');
    });

    it("answers a join with the members, sorted, and the room's history", async () => {
      const room = freshRoom();
      await member(room, "zoe");
      const ann = await connect();
      expect(await ann.request("join", { room, name: " ann " })).toEqual({
        ok: true,
        room,
        members: ["ann", "zoe"],
        history: [],
        complete: true,
      });
    });

    it("delivers a message to every member, the sender included, in one order", async () => {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const said = ["a1", "b1", "a2", "b2", "a3", "b3"].map((text) =>
        (text.startsWith("a") ? ann : bob).request("say", { room, text }),
      );
      expect((await Promise.all(said)).every((answer) => answer.ok)).toBe(true);
      await vi.waitFor(() => {
        expect(eventsOf(ann, "message", room)).toHaveLength(6);
        expect(eventsOf(bob, "message", room)).toHaveLength(6);
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
        expect(order(ann)).toEqual(order(bob));
      }
      expect(eventsOf(bob, "message", room)[0]).toMatchObject({
        room,
        name: expect.any(String) as string,
        text: expect.stringMatching(/^[ab]1$/) as string,
        at: expect.any(Number) as number,
      });
    });

    it("tells the others of a join, and everyone of the presence", async () => {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      await vi.waitFor(() =>
        expect(eventsOf(ann, "presence", room).at(-1)).toEqual({
          room,
          members: ["ann", "bob"],
        }),
      );
      expect(eventsOf(ann, "system", room)).toEqual([
        { room, kind: "join", name: "bob", at: expect.any(Number) as number },
      ]);
      await vi.waitFor(() =>
        expect(eventsOf(bob, "presence", room).at(-1)).toEqual({
          room,
          members: ["ann", "bob"],
        }),
      );
      expect(eventsOf(bob, "system", room)).toEqual([]);
    });

    it("answers a second join of the same room ok, with no second system message", async () => {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      expect(await bob.request("join", { room, name: "bob" })).toMatchObject({
        ok: true,
        members: ["ann", "bob"],
      });
      await ann.request("say", { room, text: "flush" });
      await vi.waitFor(() =>
        expect(eventsOf(ann, "message", room)).toHaveLength(1),
      );
      expect(eventsOf(ann, "system", room)).toHaveLength(1);
    });

    it(`refuses a ${LIMITS.maxRoomsPerConnection + 1}th room with too-many-rooms`, async () => {
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
    });

    it.each(["say", "leave", "typing"])(
      "answers %s to a room not joined with not-in-room",
      async (event) => {
        const client = await connect();
        expect(
          await client.request(event, { room: freshRoom(), text: "hi" }),
        ).toMatchObject({
          ok: false,
          error: "not-in-room",
          message: expect.stringMatching(/join it first/) as string,
        });
      },
    );

    it(`refuses the ${LIMITS.sayBurst + 1}th say in a burst, delivers none of it, and stays open`, async () => {
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
      await vi.waitFor(() =>
        expect(eventsOf(bob, "message", room)).toHaveLength(
          LIMITS.sayBurst + 1,
        ),
      );
      expect(
        eventsOf(bob, "message", room).map((m) => (m as { text: string }).text),
      ).not.toContain(`m${LIMITS.sayBurst}`);
    });

    it("relays typing to the others, at most once a second per member and room", async () => {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const started = performance.now();
      for (let i = 0; i < 5; i++) ann.send("typing", { room });
      // A say after them: once bob has it, every relayed typing came first.
      await ann.request("say", { room, text: "done typing" });
      await vi.waitFor(() =>
        expect(eventsOf(bob, "message", room)).toHaveLength(1),
      );
      const seconds = Math.floor((performance.now() - started) / 1000);
      const typing = eventsOf(bob, "typing", room);
      expect(typing.length).toBeGreaterThanOrEqual(1);
      expect(typing.length).toBeLessThanOrEqual(1 + seconds);
      expect(typing[0]).toEqual({ room, name: "ann" });
      expect(eventsOf(ann, "typing", room)).toEqual([]);
    });

    it("tells the others when a member leaves, and when one closes", async () => {
      const room = freshRoom();
      const ann = await member(room, "ann");
      const bob = await member(room, "bob");
      const cid = await member(room, "cid");
      expect(await bob.request("leave", { room })).toEqual({ ok: true });
      await cid.close();
      await vi.waitFor(() =>
        expect(eventsOf(ann, "presence", room).at(-1)).toEqual({
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
        // (see "in one order" above); each member's own stay in order.
        expect([...lines].sort()).toEqual([...expected].sort());
        for (const name of ["bob", "cid"])
          expect(lines.filter((line) => line.endsWith(name))).toEqual([
            `join ${name}`,
            `leave ${name}`,
          ]);
      } else {
        expect(lines).toEqual(expected);
      }
    });

    it("catches up with `after`, and says when the history no longer reaches back", async () => {
      const room = freshRoom();
      const first = await member(room, "s0");
      const firstId = (await first.request("say", { room, text: "0" })).id;
      const second = (await first.request("say", { room, text: "1" })).id;
      const late = await connect();
      expect(
        await late.request("join", { room, name: "late", after: firstId }),
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
      expect(answer.complete).toBe(false);
      expect(answer.history as unknown[]).toHaveLength(LIMITS.historyPerRoom);
    });

    // Deeper nesting than 1000 overflows the test's own client libraries
    // (JSON.stringify, socket.io-parser's hasBinary): the hostile-input
    // suite sends those as raw frames.
    describe("bad input gets an answer and the connection stays open", () => {
      const longName = "n".repeat(LIMITS.maxNameLength);
      const longText = "t".repeat(LIMITS.maxTextLength);
      it.each([
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
        [
          "a text of spaces",
          "say",
          { room: "edges", text: "   " },
          "bad-request",
        ],
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
      ] as const)("%s: %s", async (_name, event, data, expected) => {
        const client = await member("edges", "edge");
        const answer = await client.request(event, data);
        if (expected === "ok") expect(answer).toMatchObject({ ok: true });
        else
          expect(answer).toMatchObject({
            ok: false,
            error: expected,
            message: expect.any(String) as string,
          });
        expect(
          await client.request("say", { room: "edges", text: "still open" }),
        ).toMatchObject({ ok: true });
      });

      it("refuses what a client sent without asking for an answer, as the transport can", async () => {
        const client = await member(freshRoom(), "ann");
        driver.sendGarbage(client);
        client.send("say", { room: "not-joined", text: "x" });
        if (driver.capabilities.refusalWithoutAnswer === "error-event") {
          await vi.waitFor(() =>
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
        await vi.waitFor(() =>
          expect(app.output.join("\n")).toMatch(/refused: not-in-room/),
        );
      });
    });

    it("drops a member that stopped reading, and the others keep talking", async () => {
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
        await vi.waitFor(() =>
          expect(eventsOf(bob, "message", room)).toHaveLength(5),
        );
        // Dropped by the heartbeat: no pong from a client that reads nothing.
        await vi.waitFor(
          () =>
            expect(eventsOf(bob, "presence", room).at(-1)).toEqual({
              room,
              members: ["ann", "bob"],
            }),
          { timeout: 10_000 },
        );
        destroy();
        await Promise.all([ann.close(), bob.close()]);
        await vi.waitFor(async () =>
          expect((await quick.stats()).openConnections).toBe(0),
        );
      } finally {
        await quick.stop();
      }
    }, 30_000);

    it("leaves connections and timers at baseline once every client closed", async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
      await vi.waitFor(
        async () => {
          const stats = await app.stats();
          expect(stats.openConnections).toBe(0);
          expect(stats.liveTimers).toBe(0);
        },
        { timeout: 5000 },
      );
    });
  });
}
