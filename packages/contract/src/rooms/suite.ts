// Lesson 2's contract as a Vitest suite: each clause of clauses.ts is one
// test, run against one app per driver, as lesson 1's is.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { roomsClauses, roomsContext } from "./clauses.js";
import type { RoomsDriver } from "./driver.js";

/** Which clauses a run leaves out, because another run already asserts them. */
export interface RoomsSuiteOptions {
  /** Ids of clauses that do not depend on this driver's client. */
  readonly skip?: readonly string[];
}

/** Registers lesson 2's contract (less `skip`) as a Vitest suite for one driver. */
export function describeRoomsContract(
  driver: RoomsDriver,
  options: RoomsSuiteOptions = {},
): void {
  const skip = new Set(options.skip);
  describe(`rooms contract: ${driver.name}`, () => {
    let app: RunningApp;
    const context = roomsContext(driver, () => app);

    beforeAll(async () => {
      app = await driver.start({});
    });
    afterAll(async () => {
      await context.closeAll();
      await app?.stop();
    });

    for (const clause of roomsClauses) {
      if (skip.has(clause.id)) continue;
      const register = () =>
        it(clause.name, () => clause.run(context), clause.timeoutMs);
      if (clause.group) describe(clause.group, register);
      else register();
    }
  });
}
