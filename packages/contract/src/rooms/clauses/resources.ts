// Lesson 2's clauses on what a connection costs the server: a member that
// stopped reading is dropped by the heartbeat while the room goes on, and
// once every client closed no connection or timer is left.
import { expect } from "vitest";
import { CONTRACT_HEARTBEAT_MS } from "../../contract-settings.js";
import { BUSY_MACHINE_WAIT_MS, waitFor } from "../../wait-for.js";
import { eventsOf, type RoomsClause } from "./context.js";

export const resources: readonly RoomsClause[] = [
  {
    id: "stopped-reading",
    name: "drops a member that stopped reading, and the others keep talking",
    expected:
      "A member whose client stopped reading is dropped by the heartbeat, and the others keep talking meanwhile.",
    timeoutMs: 30_000,
    async run({ driver, freshRoom }) {
      // Its own app, with a heartbeat fast enough to see the drop, and no
      // faster than the transport contract's: at 300 ms, a member that
      // was only starved of CPU (files run side by side) was dropped too.
      const quick = await driver.start({
        HEARTBEAT_MS: String(CONTRACT_HEARTBEAT_MS),
      });
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
        await waitFor(
          () => expect(eventsOf(bob, "message", room)).toHaveLength(5),
          { timeout: BUSY_MACHINE_WAIT_MS },
        );
        // Dropped by the heartbeat: no pong from a client that reads nothing.
        await waitFor(
          () =>
            expect(eventsOf(bob, "presence", room).at(-1)).toEqual({
              room,
              members: ["ann", "bob"],
            }),
          { timeout: BUSY_MACHINE_WAIT_MS },
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
