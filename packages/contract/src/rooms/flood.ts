// One client flooding a room while its members listen: the measure of
// what one client can cost a room. The flooder sends as fast as the
// socket takes it, from one client address, on one connection or
// several; when the server closes one, it opens another from the same
// address and goes on, until the time is up. What counts is what reached
// the members.
import {
  setImmediate as nextTurn,
  setTimeout as sleep,
} from "node:timers/promises";
import { LIMITS } from "@repo/rooms";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { freshClientAddress } from "./client-addresses.js";
import type { RoomsClient, RoomsDriver } from "./driver.js";
import { BUSY_MACHINE_WAIT_MS, waitFor } from "../wait-for.js";

/** What the flooder sends. */
export type FloodKind = "join-leave" | "say" | "typing" | "mix";
export const FLOOD_KINDS: readonly FloodKind[] = [
  "join-leave",
  "say",
  "typing",
  "mix",
];

export interface FloodOptions {
  readonly driver: RoomsDriver;
  readonly app: RunningApp;
  readonly kind: FloodKind;
  /** Members listening in the room, each from its own address. */
  readonly members: number;
  /** The flooder's connections at once, all from one address. */
  readonly connections: number;
  readonly durationMs: number;
  /** Requests sent per connection before letting the event loop turn. */
  readonly batch?: number;
  /** At most this many connections opened in all (reconnects included). */
  readonly maxConnections?: number;
}

export interface FloodResult {
  readonly kind: FloodKind;
  readonly members: number;
  readonly connections: number;
  /** From the flooder's first request to its last. */
  readonly floodMs: number;
  readonly requests: number;
  /** Requests answered `rate-limited`. */
  readonly rateLimited: number;
  /** Connections the flooder opened, reconnects included. */
  readonly opened: number;
  /** How the server ended the flooder's connections ("1008 …", "io server disconnect"); not those the flooder closed at the end. */
  readonly closedBy: readonly string[];
  /** Events in the room that each member got during the flood: the most any member got. */
  readonly framesPerMemberMax: number;
  readonly framesPerMemberMean: number;
  /** Members whose connection ended during the flood (should be none). */
  readonly membersDropped: number;
}

const ROOM = "flooded";
/** Requests after which any connection has been refused often enough to be closed. */
const FLOODED_AFTER = LIMITS.requestBurst + LIMITS.refusalsBeforeClose + 10;

/** Floods one room and measures what reached its members. */
export async function floodRoom(options: FloodOptions): Promise<FloodResult> {
  const { driver, app, kind, durationMs } = options;
  const batch = options.batch ?? 50;
  const maxConnections = options.maxConnections ?? 500;

  // Connected at once, joined one after the other: the last join's
  // `presence`, which lists every member, is then the last frame the joins
  // send, and once every member has it the room is quiet.
  const members = await Promise.all(
    Array.from({ length: options.members }, () => driver.connect(app)),
  );
  for (const [i, member] of members.entries()) {
    const answer = await member.request("join", { room: ROOM, name: `m${i}` });
    if (!answer.ok)
      throw new Error(`member m${i} could not join: ${JSON.stringify(answer)}`);
  }
  let membersDropped = 0;
  for (const member of members)
    void member.ended.then(() => {
      if (!finished) membersDropped += 1;
    });
  let finished = false;
  await waitFor(
    () => {
      const waiting = members.filter(
        (member) => lastPresence(member).length < options.members,
      ).length;
      if (waiting > 0)
        throw new Error(
          `${waiting} members have not seen all ${options.members} joins`,
        );
    },
    { timeout: BUSY_MACHINE_WAIT_MS, interval: 10 },
  );
  const before = members.map((member) => inRoom(member));

  const address = await freshClientAddress();
  let requests = 0;
  let rateLimited = 0;
  let opened = 0;
  const closedBy: string[] = [];
  const flooders = new Set<RoomsClient>();
  const sent = new Map<RoomsClient, number>();
  const sentOn = (client: RoomsClient) => sent.get(client) ?? 0;
  const firstOpened = new Set<number>();
  const started = performance.now();
  const deadline = started + durationMs;
  let lastRequestAt = started;

  async function floodFrom(lane: number): Promise<void> {
    let step = 0;
    while (performance.now() < deadline && opened < maxConnections) {
      let client: RoomsClient;
      try {
        client = await driver.connect(app, { localAddress: address });
      } catch {
        await sleep(20);
        continue;
      }
      opened += 1;
      const first = !firstOpened.has(lane);
      firstOpened.add(lane);
      flooders.add(client);
      let ended = false;
      let closingItOurselves = false;
      void client.ended.then((how) => {
        ended = true;
        if (!closingItOurselves) closedBy.push(how);
      });
      // Each lane's first connection sends enough to be closed, however
      // slow this machine is today: the server must then close it.
      while (
        !ended &&
        (performance.now() < deadline ||
          (first && sentOn(client) < FLOODED_AFTER))
      ) {
        for (let i = 0; i < batch && !ended; i++) {
          const [event, data] = nextRequest(kind, step++, lane);
          requests += 1;
          sent.set(client, sentOn(client) + 1);
          lastRequestAt = performance.now();
          client.request(event, data).then(
            (answer) => {
              if (answer.error === "rate-limited") rateLimited += 1;
            },
            () => {}, // closed before the answer: that is the point
          );
        }
        await nextTurn();
      }
      // Time is up. A connection that sent more than its budgets allow is
      // closed by the server once it has read what was sent: give it the
      // time to, on a busy machine too, before closing it ourselves.
      if (!ended && sentOn(client) > FLOODED_AFTER)
        await Promise.race([client.ended, sleep(3000)]);
      closingItOurselves = !ended;
      if (!ended) await client.close().catch(() => {});
      flooders.delete(client);
    }
  }

  await Promise.all(
    Array.from({ length: options.connections }, (_, lane) => floodFrom(lane)),
  );
  // What was sent before the deadline may still be on its way.
  await sleep(300);
  finished = true;
  const frames = members.map((member, i) => inRoom(member) - before[i]!);
  await Promise.allSettled(
    [...flooders, ...members].map((client) => client.close()),
  );
  return {
    kind,
    members: options.members,
    connections: options.connections,
    floodMs: Math.round(lastRequestAt - started),
    requests,
    rateLimited,
    opened,
    closedBy,
    framesPerMemberMax: Math.max(...frames),
    framesPerMemberMean:
      Math.round((frames.reduce((a, b) => a + b, 0) / frames.length) * 10) / 10,
    membersDropped,
  };
}

/** The members of the flooded room, as the last `presence` a member got says. */
function lastPresence(member: RoomsClient): readonly string[] {
  const presence = member.events.findLast(
    (e) =>
      e.event === "presence" &&
      (e.data as { room?: unknown } | null)?.room === ROOM,
  );
  return (presence?.data as { members?: string[] } | undefined)?.members ?? [];
}

/** Events of the flooded room a member got so far. */
function inRoom(member: RoomsClient): number {
  return member.events.filter(
    (e) => (e.data as { room?: unknown } | null)?.room === ROOM,
  ).length;
}

/** The flooder's requests, in turn. */
function nextRequest(
  kind: FloodKind,
  step: number,
  lane: number,
): [string, unknown] {
  const name = `flood${lane}`;
  const cycle: Record<FloodKind, ReadonlyArray<[string, unknown]>> = {
    "join-leave": [
      ["join", { room: ROOM, name }],
      ["leave", { room: ROOM }],
    ],
    // Joined first: a say or typing outside the room is only refused.
    say: [
      ["join", { room: ROOM, name }],
      ...Array.from({ length: 20 }, (): [string, unknown] => [
        "say",
        { room: ROOM, text: "flood" },
      ]),
    ],
    typing: [
      ["join", { room: ROOM, name }],
      ...Array.from({ length: 20 }, (): [string, unknown] => [
        "typing",
        { room: ROOM },
      ]),
    ],
    mix: [
      ["join", { room: ROOM, name }],
      ["say", { room: ROOM, text: "flood" }],
      ["typing", { room: ROOM }],
      ["leave", { room: ROOM }],
    ],
  };
  const requests = cycle[kind];
  return requests[step % requests.length]!;
}
