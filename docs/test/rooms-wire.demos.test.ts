// Lesson 2's wire diagrams are drawn from docs/data/wire-rooms-*.json,
// recorded from real exchanges (packages/compare's record-wire-rooms). This
// records them again and checks that the committed recordings and a fresh
// one both show each step of a join and a message (ids, times, offsets and
// clocks aside).
import { describe, expect, it } from "vitest";
import {
  expectMilestones,
  expectSizesAddUp,
  recordAgain,
  recordings,
  type WireEvent,
} from "./wire-recording.js";

const fresh = recordAgain("record-rooms");

/** One row, as `#connection direction what`, with what changes every run masked. */
function shape(event: WireEvent): string {
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

describe.each(Object.keys(MILESTONES))("%s", (file) => {
  const { committed, recorded } = recordings(file, fresh);

  it("shows each step of a join and a message, and so does a fresh recording", () => {
    for (const events of [committed, recorded])
      expectMilestones(events, shape, MILESTONES[file]!);
  });

  it("delivers ann's message to both members, the sender included", () => {
    for (const events of [committed, recorded]) {
      const to = events.flatMap((event) =>
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
    expectSizesAddUp(committed);
  });
});
