// The network with distance in the plan (--network, or --scenario all):
// each server started once, with a short push interval, then measured
// through a relay at each delay, one transport after the other.
import { execFileSync } from "node:child_process";
import { spawnApp } from "@repo/contract";
import type { DistanceTransport } from "../bench/distance-clients.js";
import { EVENT_SOURCE_RETRY_MS } from "../bench/distance-clients.js";
import {
  measurePushDistance,
  measureRoomsDistance,
  throughRelay,
  type DistanceOptions,
} from "../bench/distance.js";
import type { MemberTransport } from "../bench/distance-members.js";
import { PUSH_TEXT, serverEntries, type ServerName } from "../bench/servers.js";
import type {
  NetworkComparison,
  NetworkPushRow,
  NetworkRoomsRow,
} from "../report/model.js";
import type { Progress } from "./progress.js";

/** What a network run measures, as the command line says it. */
export interface NetworkOptions extends DistanceOptions {
  /** One-way delays, 0 (the control) first. */
  readonly delaysMs: readonly number[];
  /** PUSH_INTERVAL_MS the servers use: short, so that the start is not a wait for the interval. */
  readonly pushIntervalMs: number;
}

/** The delays, clients and outage of `--network` (and of `--scenario all`). */
export const NETWORK_DEFAULTS: NetworkOptions = {
  delaysMs: [0, 50],
  clients: 24,
  outageMs: 5000,
  pushIntervalMs: 100,
};

interface ServerPlan {
  readonly server: ServerName;
  readonly push: ReadonlyArray<{
    readonly id: DistanceTransport;
    readonly label: string;
  }>;
  readonly rooms: ReadonlyArray<{
    readonly id: MemberTransport;
    readonly label: string;
  }>;
}

const servers: readonly ServerPlan[] = [
  {
    server: "ws-demo",
    push: [{ id: "ws", label: "ws demo" }],
    rooms: [{ id: "ws", label: "ws demo rooms" }],
  },
  {
    server: "socketio-demo",
    push: [
      { id: "socket.io", label: "Socket.IO demo (polling first)" },
      { id: "socket.io-websocket", label: "Socket.IO demo websocket-only" },
    ],
    rooms: [{ id: "socket.io", label: "Socket.IO demo rooms" }],
  },
  {
    server: "sse-bare",
    push: [{ id: "sse", label: "SSE bare" }],
    rooms: [],
  },
];

export async function runNetwork(
  options: NetworkOptions,
  progress: Progress,
): Promise<NetworkComparison> {
  const push: NetworkPushRow[] = [];
  const rooms: NetworkRoomsRow[] = [];
  for (const plan of servers) {
    progress.show(`network with distance: ${plan.server} starting`);
    const app = await spawnApp(plan.server, serverEntries[plan.server], {
      PUSH_INTERVAL_MS: String(options.pushIntervalMs),
      PUSH_TEXT,
    });
    try {
      for (const { id, label } of plan.push) {
        const byDelay = [];
        for (const delayMs of options.delaysMs) {
          progress.show(
            `network with distance: ${label}, ${delayMs} ms each way, ${options.outageMs / 1000} s outage`,
          );
          byDelay.push(
            await throughRelay(app.port, delayMs, (relay) =>
              measurePushDistance(id, relay, options),
            ),
          );
        }
        push.push({ id, label, byDelay });
        progress.next();
      }
      for (const { id, label } of plan.rooms) {
        const byDelay = [];
        for (const delayMs of options.delaysMs) {
          progress.show(
            `network with distance: ${label}, ${delayMs} ms each way, catch-up`,
          );
          byDelay.push(
            await throughRelay(app.port, delayMs, (relay) =>
              measureRoomsDistance(id, app.port, relay, options),
            ),
          );
        }
        rooms.push({ id, label, byDelay });
        progress.next();
      }
    } finally {
      await app.stop();
    }
  }
  return {
    commit: currentCommit(),
    options: {
      delaysMs: options.delaysMs,
      clients: options.clients,
      outageMs: options.outageMs,
      pushIntervalMs: options.pushIntervalMs,
      eventSourceRetryMs: EVENT_SOURCE_RETRY_MS,
    },
    push,
    rooms,
  };
}

/** The commit measured, for the data file's reader; null outside a git checkout. */
function currentCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
  } catch {
    return null;
  }
}
