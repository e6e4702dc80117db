// The transport contract as a Vitest suite: each clause of clauses.ts is
// one test, run against one app per driver. Differences between
// transports live in the driver's capabilities, never in `if`s here.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { ContractClient, TransportDriver } from "./driver.js";
import {
  transportClauses,
  transportEnv,
  type TransportContext,
} from "./clauses.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";

/** Which clauses a run leaves out, because another run already asserts them. */
export interface TransportSuiteOptions {
  /** Ids of clauses that do not depend on this driver's client (see clauses.ts). */
  readonly skip?: readonly string[];
}

/** Registers the whole contract (less `skip`) as a Vitest suite for one driver. */
export function describeTransportContract(
  driver: TransportDriver,
  options: TransportSuiteOptions = {},
): void {
  const skip = new Set(options.skip);
  describe(`transport contract: ${driver.name}`, () => {
    let app: RunningApp;
    const clients: ContractClient[] = [];
    const context: TransportContext = {
      driver,
      get app() {
        return app;
      },
      async connect(options) {
        const client = await driver.connect(app, options);
        clients.push(client);
        return client;
      },
    };

    beforeAll(async () => {
      app = await driver.start(transportEnv(driver));
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await app?.stop();
    });

    // The clauses of a group sit together in the table, so one describe
    // per run of the same group keeps the suite's order and names.
    for (const clause of transportClauses) {
      if (skip.has(clause.id)) continue;
      const register = () =>
        it(clause.name, () => clause.run(context), clause.timeoutMs);
      if (clause.group) describe(clause.group, register);
      else register();
    }
  });
}
