// Lesson 2's clause on the catch-up after a reconnect: a join with `after`
// gets what was missed, and says when the history no longer reaches back.
import { expect } from "vitest";
import { LIMITS } from "@repo/rooms";
import type { RoomsClause } from "./context.js";

export const catchUp: readonly RoomsClause[] = [
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
];
