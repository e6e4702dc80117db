// What every clause of lesson 2's contract gets (a driver, the shared app,
// client makers), and how a clause reads what a client received.
import { expect } from "vitest";
import type { Clause } from "../../clause.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import type { RoomsClient, RoomsDriver, RoomsEvent } from "../driver.js";

/** What every rooms clause gets: the driver, the shared app, client makers. */
export interface RoomsContext {
  readonly driver: RoomsDriver;
  readonly app: RunningApp;
  /** A client; closed when the run ends. */
  readonly connect: () => Promise<RoomsClient>;
  /** A client already in `room` as `name`. */
  readonly member: (room: string, name: string) => Promise<RoomsClient>;
  /** A room name no other clause uses. */
  readonly freshRoom: () => string;
  /** Closes every client made so far. */
  readonly closeAll: () => Promise<void>;
}

/** Builds the context for one app; `app` is read when a clause runs. */
export function roomsContext(
  driver: RoomsDriver,
  app: () => RunningApp,
): RoomsContext {
  const clients: RoomsClient[] = [];
  let roomCount = 0;
  const context: RoomsContext = {
    driver,
    get app() {
      return app();
    },
    async connect() {
      const client = await driver.connect(app());
      clients.push(client);
      return client;
    },
    async member(room, name) {
      const client = await context.connect();
      expect(
        await client.request("join", { room, name }),
        `the answer to ${name}'s join`,
      ).toMatchObject({ ok: true });
      return client;
    },
    freshRoom: () => `room-${++roomCount}`,
    async closeAll() {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  };
  return context;
}

/** The events of one kind a client got, in order. */
export function eventsOf(
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

export type RoomsClause = Clause<RoomsContext>;
