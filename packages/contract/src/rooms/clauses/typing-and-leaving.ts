// Lesson 2's clauses on presence after the join: typing reaches the others,
// throttled, and a member who leaves or closes is gone for everyone.
import { expect } from "vitest";
import { waitFor } from "../../wait-for.js";
import { eventsOf, type RoomsClause } from "./context.js";

export const typingAndLeaving: readonly RoomsClause[] = [
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
];
