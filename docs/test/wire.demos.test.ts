// The "On the wire" diagrams are drawn from docs/data/wire-*.json, recorded
// from real exchanges. This records them again and checks that what the
// pages show still matches what the demos do (ids, times and clocks aside).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsRoot } from "./markdown.js";

type Event =
  | { kind: "http"; direction: string; startLine: string; body: string }
  | {
      kind: "frame";
      direction: string;
      opcode: string;
      masked: boolean;
      payload: string;
    };

const recorder = new URL(
  "../../packages/compare/dist/wire/record.js",
  import.meta.url,
).pathname;
const fresh = mkdtempSync(join(tmpdir(), "wire-"));
execFileSync(process.execPath, [recorder, fresh], {
  stdio: "ignore",
  timeout: 60_000,
});

/** What a diagram row says, without the parts that change every run. */
function shape(event: Event): string {
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

  it("shows each step of the exchange, and so does a fresh recording", () => {
    const milestones = MILESTONES[file]!;
    expect(
      inOrder(committed.events.map(shape), milestones),
      committed.events.map(shape).join("\n"),
    ).toBe(true);
    expect(
      inOrder(recorded.events.map(shape), milestones),
      recorded.events.map(shape).join("\n"),
    ).toBe(true);
  });

  it("is a real exchange: every size is the sum of its parts", () => {
    for (const event of committed.events as Array<
      Event & { bytes: number; headerBytes?: number; payloadBytes?: number }
    >) {
      if (event.kind === "frame")
        expect(event.bytes).toBe(event.headerBytes! + event.payloadBytes!);
      else expect(event.bytes).toBeGreaterThan(event.startLine.length);
    }
  });
});
