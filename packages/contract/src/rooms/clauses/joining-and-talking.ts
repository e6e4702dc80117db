// Lesson 2's clauses on joining a room and talking in it: the page is
// served, a join is answered with the members and the history, a say
// reaches every member in one order, the others hear of a join, and a
// second join changes nothing.
import { expect } from "vitest";
import { compareMessageIds } from "@repo/rooms";
import { waitFor } from "../../wait-for.js";
import type { RoomsClient } from "../driver.js";
import { eventsOf, type RoomsClause } from "./context.js";

export const joiningAndTalking: readonly RoomsClause[] = [
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
];
