// Lesson 2's wire diagrams are drawn from docs/data/wire-rooms-*.json,
// recorded from real exchanges (packages/compare's record-wire-rooms). This
// records them again and checks that the committed recordings and a fresh
// one both show each step of a join and a message (ids, times, offsets and
// clocks aside).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsRoot } from "./markdown.js";

type Event =
  | { kind: "http"; direction: string; startLine: string; bytes: number }
  | {
      kind: "frame";
      direction: string;
      connection: number;
      opcode: string;
      masked: boolean;
      payload: string;
      bytes: number;
      headerBytes: number;
      payloadBytes: number;
    };

const recorder = new URL(
  "../../packages/compare/dist/wire/record-rooms.js",
  import.meta.url,
).pathname;
const fresh = mkdtempSync(join(tmpdir(), "wire-rooms-"));
execFileSync(process.execPath, [recorder, fresh], {
  stdio: "ignore",
  timeout: 60_000,
});

/** One row, as `#connection direction what`, with what changes every run masked. */
function shape(event: Event): string {
  if (event.kind === "http") {
    return `${event.direction} ${event.startLine}`;
  }
  const payload = event.payload
    .replace(/"at":\d+/g, '"at":<time>')
    .replace(/"id":"\d+-(\d+)"/g, '"id":"<life>-$1"')
    .replace(/"(sid|pid)":"[^"]+"/g, '"$1":<id>')
    .replace(/,"[\w.-]+"\]$/, ",<offset>]");
  return `#${event.connection} ${event.direction} ${event.opcode} ${payload}`;
}

// The steps each diagram exists to show, in order; a recording may hold
// more between them.
const MILESTONES: Record<string, string[]> = {
  "wire-rooms-ws.json": [
    "client->server GET /ws/rooms HTTP/1.1",
    '#1 client->server text {"event":"join","data":{"room":"lobby","name":"ann"},"ack":1}',
    '#1 server->client text {"event":"ack","ack":1,"data":{"ok":true,"room":"lobby","members":["ann"],"history":[],"complete":true}}',
    '#2 client->server text {"event":"join","data":{"room":"lobby","name":"bob"},"ack":1}',
    '#1 server->client text {"event":"system","data":{"room":"lobby","kind":"join","name":"bob","at":<time>}}',
    '#2 server->client text {"event":"ack","ack":1,"data":{"ok":true,"room":"lobby","members":["ann","bob"],"history":[],"complete":true}}',
    '#1 client->server text {"event":"say","data":{"room":"lobby","text":"hello"},"ack":2}',
    '#1 server->client text {"event":"ack","ack":2,"data":{"ok":true,"id":"<life>-1","at":<time>}}',
    '#1 server->client text {"event":"message","data":{"room":"lobby","id":"<life>-1","name":"ann","text":"hello","at":<time>}}',
    '#1 server->client text {"event":"system","data":{"room":"lobby","kind":"leave","name":"bob","at":<time>}}',
  ],
  "wire-rooms-socketio.json": [
    "client->server GET /socket.io/?EIO=4&transport=websocket HTTP/1.1",
    "#1 client->server text 40/rooms,",
    '#1 server->client text 40/rooms,{"sid":<id>,"pid":<id>}',
    '#1 client->server text 42/rooms,0["join",{"room":"lobby","name":"ann"}]',
    '#1 server->client text 43/rooms,0[{"ok":true,"room":"lobby","members":["ann"],"history":[],"complete":true}]',
    '#2 client->server text 42/rooms,0["join",{"room":"lobby","name":"bob"}]',
    '#1 server->client text 42/rooms,["system",{"room":"lobby","kind":"join","name":"bob","at":<time>},<offset>]',
    '#2 server->client text 43/rooms,0[{"ok":true,"room":"lobby","members":["ann","bob"],"history":[],"complete":true}]',
    '#1 client->server text 42/rooms,1["say",{"room":"lobby","text":"hello"}]',
    '#1 server->client text 43/rooms,1[{"ok":true,"id":"<life>-1","at":<time>}]',
    '#1 server->client text 42/rooms,["message",{"room":"lobby","id":"<life>-1","name":"ann","text":"hello","at":<time>},<offset>]',
    '#1 server->client text 42/rooms,["system",{"room":"lobby","kind":"leave","name":"bob","at":<time>},<offset>]',
  ],
};

/** Whether `milestones` appear in `shapes` in this order. */
function inOrder(shapes: string[], milestones: string[]): boolean {
  let at = 0;
  for (const shape of shapes) if (shape === milestones[at]) at += 1;
  return at === milestones.length;
}

describe.each(Object.keys(MILESTONES))("%s", (file) => {
  const committed = JSON.parse(
    readFileSync(join(docsRoot, "data", file), "utf8"),
  ) as { events: Event[] };
  const recorded = JSON.parse(readFileSync(join(fresh, file), "utf8")) as {
    events: Event[];
  };

  it("shows each step of a join and a message, and so does a fresh recording", () => {
    const milestones = MILESTONES[file]!;
    for (const recording of [committed, recorded]) {
      const shapes = recording.events.map(shape);
      expect(inOrder(shapes, milestones), shapes.join("\n")).toBe(true);
    }
  });

  it("delivers ann's message to both members, the sender included", () => {
    for (const recording of [committed, recorded]) {
      const to = recording.events.flatMap((event) =>
        event.kind === "frame" &&
        event.direction === "server->client" &&
        /"message"/.test(event.payload)
          ? [event.connection]
          : [],
      );
      expect(to.sort()).toEqual([1, 2]);
    }
  });

  it("is a real exchange: every size is the sum of its parts", () => {
    for (const event of committed.events) {
      if (event.kind === "frame")
        expect(event.bytes).toBe(event.headerBytes + event.payloadBytes);
      else expect(event.bytes).toBeGreaterThan(event.startLine.length);
    }
  });
});
