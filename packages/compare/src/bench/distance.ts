// The network with distance, measured: many clients of one transport at
// once through a delaying relay (delay-relay.ts), each on its own, so that
// one run gives a distribution, not a single draw. First the start (how
// long until connected, until the first push), then an outage (the relay
// cut for a while) and how long after its end each client has a message
// again; for lesson 2, how long after it a member that was away holds
// every message said while it was.
import { startDelayRelay, type DelayRelay } from "./delay-relay.js";
import {
  startComingBackClient,
  type ComingBackClient,
  type DistanceTransport,
  type Timeline,
} from "./distance-clients.js";
import {
  startRoomMember,
  type MemberTransport,
  type RoomMember,
} from "./distance-members.js";
import { percentile } from "./percentiles.js";
import { canUseSourceAddresses, nextAddressBlock } from "./source-addresses.js";

/** A sample summarised, in ms; the samples themselves for the charts. */
export interface Spread {
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  /** Every sample, sorted, to 0.1 ms. */
  readonly samples: readonly number[];
}

export interface DistanceOptions {
  /** Clients (or room members) at once per transport. */
  readonly clients: number;
  readonly outageMs: number;
}

/** Lesson 1 at one delay, for one transport. */
export interface PushDistanceFigures {
  readonly delayMs: number;
  /** From the client's start to its connection being up (ws open, Socket.IO connect, SSE 200). */
  readonly connected: Spread;
  /** From the client's start to its first push (a news). */
  readonly firstPush: Spread;
  /** From the outage's end to the connection being up again. */
  readonly reconnected: Spread;
  /** From the outage's end to the first message after it (a welcome or a news). */
  readonly firstMessageAfterOutage: Spread;
  /** Clients that did not come back within the run's patience (not in the figures). */
  readonly lost: number;
}

/** Lesson 2 at one delay, for one transport. */
export interface RoomsDistanceFigures {
  readonly delayMs: number;
  /** Messages said in the room while the members were away. */
  readonly said: number;
  /** From the outage's end until a member holds every one of them. */
  readonly caughtUp: Spread;
  /** Members that had not caught up within the run's patience. */
  readonly lost: number;
}

const now = () => performance.now();
const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    samples: sorted.map((value) => Math.round(value * 10) / 10),
  };
}

/** Waits until `done()` or `ms` have passed; says which. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = now() + ms;
  while (!done()) {
    if (now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/**
 * The loopback addresses the clients of one run connect from, one each:
 * the relay connects on from the same address, so that each is a client
 * of its own to the rooms' per-address budgets. Where only 127.0.0.1
 * works (macOS), undefined: all share it.
 */
async function addresses(count: number): Promise<Array<string | undefined>> {
  if (!(await canUseSourceAddresses()))
    return Array.from({ length: count }, () => undefined);
  // A block the load runs' clients do not use at the same time.
  const block = nextAddressBlock();
  return Array.from({ length: count }, (_, i) => `127.${block}.250.${10 + i}`);
}

/** Between two clients' starts. */
const START_SPREAD_MS = 25;

/** From the last client's first push to the outage. */
const SETTLE_MS = 1000;

const firstAfter = (times: readonly number[], at: number) =>
  times.find((time) => time >= at);

/** Lesson 1 through `relay`: the start, a cut, the return. */
export async function measurePushDistance(
  transport: DistanceTransport,
  relay: DelayRelay,
  options: DistanceOptions,
): Promise<PushDistanceFigures> {
  const from = await addresses(options.clients + 1);
  // One client first, alone and not counted: the first connection of a
  // freshly started server (and of this process's client code) is slow
  // while the code warms up, and would make the start figures the JIT's.
  const warmUp = startComingBackClient(transport, relay.port, from.pop());
  await until(() => warmUp.timeline.news.length > 0, 10_000);
  warmUp.stop();
  // Started a little apart, as pages are opened: each is timed from its
  // own start, and the machine's two cores are not asked for every
  // handshake in the same millisecond.
  const clients: ComingBackClient[] = [];
  for (const address of from) {
    clients.push(startComingBackClient(transport, relay.port, address));
    await sleep(START_SPREAD_MS);
  }
  const timelines = clients.map((client) => client.timeline);
  try {
    await until(() => timelines.every((t) => t.news.length > 0), 20_000);
    const started = timelines.filter((t) => t.news.length > 0);
    const connected = started.map((t) => t.opens[0]! - t.startedAt);
    const firstPush = started.map((t) => t.news[0]! - t.startedAt);

    // Settled first: an outage in the middle of Socket.IO's upgrade (about
    // a round trip after the first push) is another experiment.
    await sleep(SETTLE_MS);
    await relay.outage(options.outageMs);
    const endedAt = now();
    const back = (t: Timeline) => firstAfter(t.messages, endedAt) !== undefined;
    await until(() => started.every(back), 30_000);
    const returned = started.filter(back);
    return {
      delayMs: relay.delayMs,
      connected: spread(connected),
      firstPush: spread(firstPush),
      reconnected: spread(
        returned.map((t) => firstAfter(t.opens, endedAt)! - endedAt),
      ),
      firstMessageAfterOutage: spread(
        returned.map((t) => firstAfter(t.messages, endedAt)! - endedAt),
      ),
      lost: options.clients - returned.length,
    };
  } finally {
    for (const client of clients) client.stop();
  }
}

/** Messages the speaker says while the members are away. */
const SAID_WHILE_AWAY = 4;

/**
 * Lesson 2 through `relay`: members join one room through it, a speaker
 * joins beside the relay (the part of the room that stays); the relay is
 * cut, the speaker says a few messages, the relay comes back.
 */
export async function measureRoomsDistance(
  transport: MemberTransport,
  targetPort: number,
  relay: DelayRelay,
  options: DistanceOptions,
): Promise<RoomsDistanceFigures> {
  const room = `distance-${relay.delayMs}ms`;
  const [speakerAddress, ...from] = await addresses(options.clients + 1);
  const speaker = startRoomMember(transport, {
    port: targetPort,
    room,
    name: "speaker",
    localAddress: speakerAddress,
  });
  const members: RoomMember[] = from.map((localAddress, i) =>
    startRoomMember(transport, {
      port: relay.port,
      room,
      name: `member${i + 1}`,
      localAddress,
    }),
  );
  const everyone = [speaker, ...members];
  try {
    const joined = Promise.all(everyone.map((member) => member.joined));
    let allJoined = false;
    void joined.then(() => (allJoined = true));
    if (!(await until(() => allJoined, 30_000)))
      throw new Error(`${transport} rooms: not every member joined in 30 s`);
    // A message before the drop: each member has an id to catch up from.
    const before = await speaker.say("before");
    await until(() => members.every((m) => m.received.has(before)), 10_000);

    const outage = relay.outage(options.outageMs);
    const said: string[] = [];
    for (let i = 0; i < SAID_WHILE_AWAY; i++) {
      await sleep(options.outageMs / (SAID_WHILE_AWAY + 1));
      said.push(await speaker.say(`while away ${i + 1}`));
    }
    await outage;
    const endedAt = now();
    const caughtUp = (m: RoomMember) => said.every((id) => m.received.has(id));
    await until(() => members.every(caughtUp), 30_000);
    const back = members.filter(caughtUp);
    return {
      delayMs: relay.delayMs,
      said: said.length,
      caughtUp: spread(
        back.map(
          (m) => Math.max(...said.map((id) => m.received.get(id)!)) - endedAt,
        ),
      ),
      lost: members.length - back.length,
    };
  } finally {
    for (const member of everyone) member.stop();
  }
}

/** A relay to `targetPort` at `delayMs`, closed after `use`. */
export async function throughRelay<T>(
  targetPort: number,
  delayMs: number,
  use: (relay: DelayRelay) => Promise<T>,
): Promise<T> {
  const relay = await startDelayRelay({
    targetPort,
    delayMs,
    keepClientAddress: true,
  });
  try {
    return await use(relay);
  } finally {
    await relay.close();
  }
}
