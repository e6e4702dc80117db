#!/usr/bin/env node
// Lesson 2 on the wire: two chat clients, ann and bob, join room "lobby"
// and ann says hello, through the recording proxy, on each demo. The
// clients are the rooms contract suite's own drivers. Writes
// docs/data/wire-rooms-*.json for the docs' lesson 2 page.
// Run: npm run record-wire-rooms -w @repo/compare
import { writeFileSync } from "node:fs";
import {
  socketIoRoomsDriver,
  wsRoomsDriver,
  type RoomsClient,
  type RoomsDriver,
  type RunningApp,
} from "@repo/contract";
import { pause, recordingProxy, type Recording } from "./proxy.js";

/** Waits until `client` has received an event named `event` (beyond the first `skip`). */
async function received(
  client: RoomsClient,
  event: string,
  count = 1,
): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (client.events.filter((seen) => seen.event === event).length >= count)
      return;
    await pause(10);
  }
  throw new Error(`no ${event} event within 5 s`);
}

/** ann joins, bob joins, ann says hello, both leave by closing. */
async function recordRooms(
  driver: RoomsDriver,
  title: string,
): Promise<Recording> {
  const app = await driver.start({});
  const proxy = await recordingProxy(app.port);
  // The clients reach the app through the proxy.
  const viaProxy: RunningApp = {
    ...app,
    port: proxy.port,
    origin: `http://127.0.0.1:${proxy.port}`,
  };
  try {
    const ann = await driver.connect(viaProxy);
    await ann.request("join", { room: "lobby", name: "ann" });
    await pause(50);
    const bob = await driver.connect(viaProxy);
    await bob.request("join", { room: "lobby", name: "bob" });
    await received(ann, "presence", 2);
    await pause(50);
    await ann.request("say", { room: "lobby", text: "hello" });
    await received(bob, "message");
    await received(ann, "message");
    await pause(50);
    await bob.close();
    await received(ann, "presence", 3);
    await ann.close();
    await pause(100);
  } finally {
    proxy.close();
    await app.stop();
  }
  return { title, recordedAt: new Date().toISOString(), events: proxy.events };
}

const out =
  process.argv[2] ??
  new URL("../../../../docs/data/", import.meta.url).pathname;
const recordings: Record<string, Recording> = {
  "wire-rooms-ws.json": await recordRooms(
    wsRoomsDriver,
    "ws: a join and a message, frames written by hand",
  ),
  "wire-rooms-socketio.json": await recordRooms(
    socketIoRoomsDriver(["websocket"]),
    "Socket.IO (websocket only): a join and a message in the /rooms namespace",
  ),
};
for (const [file, recording] of Object.entries(recordings)) {
  writeFileSync(`${out}/${file}`, `${JSON.stringify(recording, null, 2)}\n`);
  console.log(
    `record-wire-rooms: wrote ${out}/${file} (${recording.events.length} messages)`,
  );
}
