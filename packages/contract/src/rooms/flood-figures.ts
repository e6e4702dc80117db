// The flood figures, outside `npm test`: 40 members listening in one
// room, one client flooding it for 5 s from 1 connection and from 10,
// with each request type, on both apps, in one process and (with a
// redis-server on this machine) in two sharing a Redis. Prints one table.
//
//   node packages/contract/dist/rooms/flood-figures.js [--apps DIR] [--seconds S] [--members N]
//
// --apps DIR runs the apps built under DIR (DIR/ws-demo/dist/server.js…):
// how the figures before a change were taken, from a checkout of it.
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  haveRedisServer,
  startTestRedis,
  type TestRedis,
} from "@repo/demo-kit/testing";
import { spawnApp } from "@repo/demo-kit/spawn-app";
import { acrossProcesses } from "./across-processes.js";
import type { RoomsDriver } from "./driver.js";
import { FLOOD_KINDS, floodRoom, type FloodResult } from "./flood.js";
import { socketIoRoomsDriver } from "./socket-io-driver.js";
import { wsRoomsDriver } from "./ws-driver.js";

const { values } = parseArgs({
  options: {
    apps: { type: "string" },
    seconds: { type: "string", default: "5" },
    members: { type: "string", default: "40" },
  },
});
const durationMs = Number(values.seconds) * 1000;
const members = Number(values.members);

/** A driver whose app comes from `--apps`, when given. */
function from(driver: RoomsDriver, app: string): RoomsDriver {
  if (!values.apps) return driver;
  const entry = join(values.apps, app, "dist", "server.js");
  return { ...driver, start: (env) => spawnApp(app, entry, env) };
}

const drivers = [
  from(wsRoomsDriver, "ws-demo"),
  from(socketIoRoomsDriver(["websocket"]), "socketio-demo"),
];

const redis: TestRedis | undefined = haveRedisServer()
  ? await startTestRedis()
  : undefined;
if (!redis) console.warn("no redis-server on this machine: one process only");

const rows: string[][] = [];
try {
  for (const base of drivers) {
    const setups = [{ driver: base, processes: 1 }];
    if (redis)
      setups.push({
        driver: acrossProcesses(base, () => redis.url, "by-id"),
        processes: 2,
      });
    for (const { driver, processes } of setups) {
      for (const kind of FLOOD_KINDS) {
        for (const connections of [1, 10]) {
          // A fresh app per row: nothing left over from the row before.
          const app = await driver.start({});
          try {
            const result = await floodRoom({
              driver,
              app,
              kind,
              members,
              connections,
              durationMs,
              // A flooder closed at once reconnects at once: let it, for
              // the whole time (the tests keep the default cap).
              maxConnections: 20_000,
            });
            rows.push(row(base.name, processes, result));
            console.error(rows.at(-1)!.join(" | "));
          } finally {
            await app.stop();
          }
        }
      }
    }
  }
} finally {
  await redis?.close();
}

const header = [
  "app",
  "processes",
  "request",
  "flooding connections",
  "flood (s)",
  "requests sent",
  "answered rate-limited",
  "connections opened",
  "closed by the server",
  "frames per member (most)",
  "members dropped",
];
console.log(
  [
    `${members} members, ${values.seconds} s of flood${values.apps ? `, apps from ${values.apps}` : ""}`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n"),
);

function row(app: string, processes: number, r: FloodResult): string[] {
  return [
    app,
    String(processes),
    r.kind,
    String(r.connections),
    (r.floodMs / 1000).toFixed(1),
    r.requests.toLocaleString("en"),
    r.rateLimited.toLocaleString("en"),
    String(r.opened),
    String(r.closedBy.length),
    String(r.framesPerMemberMax),
    String(r.membersDropped),
  ];
}
