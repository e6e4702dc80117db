// Floods as Vitest rows: one client floods a room with joins and leaves,
// typing, or a mix, from one connection and from ten, while members
// listen. Each row checks what reached the members against what the
// rooms' budgets allow, that no member dropped, that the flooder was
// closed, and that the app is back to its baseline. The 40-member,
// 5-second figures come from flood-figures.ts, outside `npm test`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LIMITS } from "@repo/rooms";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import type { RoomsDriver } from "./driver.js";
import { floodRoom, type FloodKind } from "./flood.js";

/** About a second of flood each: cheap enough for every `npm test`. */
const FLOOD_MS = 500;
const MEMBERS = 10;

/**
 * The most frames one member may get from `ms` of flood, of any kind: each
 * accepted `join` or `leave` (a close's leaves included) sends `system`
 * and `presence`, each `say` a message, each relayed `typing` one event.
 * Per process: each counts its own clients' budgets.
 */
export function floodBound(ms: number, processes: number): number {
  const tokens = (burst: number, refillMs: number) =>
    burst + Math.floor(ms / refillMs) + 1;
  return (
    processes *
    (2 * tokens(LIMITS.membershipBurst, LIMITS.membershipRefillMs) +
      tokens(LIMITS.sayBurst, LIMITS.sayRefillMs) +
      tokens(LIMITS.addressTypingBurst, LIMITS.addressTypingRefillMs))
  );
}

/** How each transport's server ends a flooder's connection. */
const FLOOD_CLOSE = /^1008 too many requests refused|^io server disconnect$/;

export function describeRoomFloods(
  driver: RoomsDriver,
  options: {
    readonly processes?: number;
    readonly kinds?: readonly FloodKind[];
    readonly connections?: readonly number[];
  } = {},
): void {
  const processes = options.processes ?? 1;
  const kinds = options.kinds ?? ["join-leave", "typing", "mix"];
  const connectionCounts = options.connections ?? [1, 10];
  describe(`a flooding client: ${driver.name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await driver.start({});
    });
    afterAll(async () => {
      await app?.stop();
    });

    for (const kind of kinds) {
      for (const connections of connectionCounts) {
        it(`${kind} from ${connections} connection${connections > 1 ? "s" : ""} of one client, ${MEMBERS} members listening: bounded, no member dropped, the flooder closed`, async () => {
          const result = await floodRoom({
            driver,
            app,
            kind,
            members: MEMBERS,
            connections,
            durationMs: FLOOD_MS,
          });
          const bound = floodBound(result.floodMs, processes);
          const figures = JSON.stringify(result);
          expect(result.framesPerMemberMax, figures).toBeLessThanOrEqual(bound);
          expect(result.membersDropped, figures).toBe(0);
          expect(result.closedBy.length, figures).toBeGreaterThan(0);
          for (const how of result.closedBy)
            expect(how, figures).toMatch(FLOOD_CLOSE);
          if (kind !== "typing")
            expect(result.rateLimited, figures).toBeGreaterThan(0);
          await vi.waitFor(
            async () => {
              const stats = await app.stats();
              expect({
                open: stats.openConnections,
                timers: stats.liveTimers,
              }).toEqual({ open: 0, timers: 0 });
            },
            { timeout: 10_000, interval: 100 },
          );
        }, 30_000);
      }
    }
  });
}
