// Lesson 2's clauses on what the server refuses by rule: more rooms than a
// connection may be in, a request for a room not joined, and bursts past
// the rate limits, which reach nobody else.
import { expect } from "vitest";
import { LIMITS } from "@repo/rooms";
import { waitFor } from "../../wait-for.js";
import { eventsOf, type RoomsClause } from "./context.js";

export const limits: readonly RoomsClause[] = [
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
];
