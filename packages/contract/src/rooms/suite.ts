// Lesson 2's contract as a Vitest suite: each clause of clauses.ts is one
// test, run against one app per driver, as lesson 1's is.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { RunningApp } from "../transport/spawn-app.js";
import { roomsClauses, roomsContext } from "./clauses.js";
import type { RoomsDriver } from "./driver.js";

/** Registers lesson 2's contract as a Vitest suite for one driver. */
export function describeRoomsContract(driver: RoomsDriver): void {
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
      const register = () =>
        it(clause.name, () => clause.run(context), clause.timeoutMs);
      if (clause.group) describe(clause.group, register);
      else register();
    }
  });
}
