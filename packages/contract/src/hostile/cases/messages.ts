// Hostile rows, class "messages": lesson 1's events with payloads the app
// cannot use (wrong shape, __proto__ keys, deep nesting, control
// characters), messages that are not the protocol at all, and a flood.
// The app ignores them, logs them in a few bounded lines, and stays up.
import type { Expected } from "../outcome.js";
import { buildFrame as frame, OPCODE } from "../raw-websocket.js";
import { BAD_PAYLOADS, nested, text } from "./inputs.js";
import { WS_ONLY, type HostileCase } from "./row.js";

/**
 * The events a client sends on the lesson-1 connection, and what the app
 * does with a payload it cannot use. A lesson that adds an event adds it
 * here, and every bad payload below is sent as that event too.
 */
export const CLIENT_EVENTS: ReadonlyArray<{
  readonly event: string;
  readonly badPayload: Expected;
}> = [{ event: "reply", badPayload: "ignored" }];

export const messages: HostileCase[] = [
  ...CLIENT_EVENTS.flatMap(({ event, badPayload }) =>
    BAD_PAYLOADS.map(([name, json]): HostileCase => ({
      name: `a ${event} ${name}`,
      class: "messages",
      expect: badPayload,
      send: (c) => c.event(event, json),
    })),
  ),
  {
    name: "a binary message",
    class: "messages",
    apps: WS_ONLY,
    expect: "ignored",
    send: (c) =>
      c.frames(
        frame({ opcode: OPCODE.binary, payload: Buffer.from([1, 2, 3]) }),
      ),
  },
  ...[
    ["text that is not JSON", "hello"],
    ["JSON that is not an object", '"reply"'],
    ["an unknown event", '{"event":"nope","data":{}}'],
    [
      "an envelope with __proto__",
      '{"__proto__":{"event":"reply"},"event":"reply","data":{"__proto__":{"seq":1}}}',
    ],
    [
      "unbalanced nesting 5000 deep",
      `{"event":"reply","data":${"[".repeat(5000)}`,
    ],
    [
      "the envelope nested 5000 deep",
      `{"event":"reply","data":${nested(5000)}}`,
    ],
  ].map(([name, message]): HostileCase => ({
    name: `a message: ${name!}`,
    class: "messages",
    apps: WS_ONLY,
    expect: "ignored",
    send: (c) => c.texts(message!),
  })),
  {
    name: "a flood of 2000 messages: a summary line, not 2000 lines",
    class: "messages",
    expect: "ignored",
    maxLogLines: 30,
    send: (c) =>
      c.frames(
        Buffer.concat(
          Array.from({ length: 2000 }, (_, i) =>
            text(
              c.target.eventMessage(
                "reply",
                JSON.stringify({ seq: i, text: "flood" }),
              ),
            ),
          ),
        ),
      ),
  },
];
