// The "On the wire" diagrams are drawn from docs/data/wire-*.json, recorded
// from real exchanges. This records them again and checks that what the
// pages show still matches what the demos do (ids, times and clocks aside).
import { describe, it } from "vitest";
import {
  expectMilestones,
  expectSizesAddUp,
  recordAgain,
  recordings,
  type WireEvent,
} from "./wire-recording.js";

const fresh = recordAgain("record");

/** What a diagram row says, without the parts that change every run. */
function shape(event: WireEvent): string {
  if (event.kind === "http") {
    const line = event.startLine
      .replace(/[?&]t=[^& ]+/, "")
      .replace(/&sid=[^& ]+/, "");
    return `${event.direction} ${line} ${event.body.slice(0, 3)}`.trimEnd();
  }
  return `${event.direction} ${event.opcode}${event.masked ? " masked" : ""} ${event.payload.slice(0, 8)}`.trimEnd();
}

// The steps each diagram exists to show, in order. Between them, a
// recording may hold more (a poll more or less, depending on timing).
const MILESTONES: Record<string, string[]> = {
  "wire-ws.json": [
    "client->server GET /ws HTTP/1.1",
    "server->client HTTP/1.1 101 Switching Protocols",
    'server->client text {"event"',
    'client->server text masked {"event"',
    "client->server close masked 1000 don",
    "server->client close 1000 don",
  ],
  "wire-socketio.json": [
    "client->server GET /socket.io/?EIO=4&transport=polling HTTP/1.1",
    'server->client HTTP/1.1 200 OK 0{"',
    "client->server POST /socket.io/?EIO=4&transport=polling HTTP/1.1 40",
    "server->client HTTP/1.1 101 Switching Protocols",
    "client->server text masked 2probe",
    "server->client text 3probe",
    "client->server text masked 5",
    'server->client text 42["news',
    'client->server text masked 42["repl',
  ],
  "wire-socketio-websocket.json": [
    "client->server GET /socket.io/?EIO=4&transport=websocket HTTP/1.1",
    "server->client HTTP/1.1 101 Switching Protocols",
    'server->client text 0{"sid":',
    "client->server text masked 40",
    'server->client text 40{"sid"',
    'server->client text 42["welc',
    'server->client text 42["news',
    'client->server text masked 42["repl',
  ],
};

describe.each(Object.keys(MILESTONES))("%s", (file) => {
  const { committed, recorded } = recordings(file, fresh);

  it("shows each step of the exchange, and so does a fresh recording", () => {
    for (const events of [committed, recorded])
      expectMilestones(events, shape, MILESTONES[file]!);
  });

  it("is a real exchange: every size is the sum of its parts", () => {
    expectSizesAddUp(committed);
  });
});
