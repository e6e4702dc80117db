// Inputs that more than one class of hostile rows sends: a text frame,
// deep nesting, and the payloads no event accepts as they are (sent as
// lesson 1's events by messages.ts and as lesson 2's requests by rooms.ts).
import { buildFrame, OPCODE, type FrameSpec } from "../raw-websocket.js";

/** A masked text frame, unless `more` says otherwise. */
export const text = (payload: string | Buffer, more: Partial<FrameSpec> = {}) =>
  buildFrame({ opcode: OPCODE.text, payload, ...more });
/** JSON arrays nested `depth` deep. */
export const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Payloads no event accepts as they are. */
export const BAD_PAYLOADS: ReadonlyArray<
  readonly [name: string, json: string]
> = [
  ["of the wrong shape", '{"seq":"1","text":2}'],
  ["that is null", "null"],
  [
    "with __proto__ keys",
    '{"__proto__":{"polluted":true},"seq":1,"text":"x","constructor":{"prototype":{"polluted":true}}}',
  ],
  ["nested 5000 deep", nested(5000)],
  [
    "whose text is 30 KB of quotes (escaped, the log line doubles)",
    JSON.stringify({ seq: 1, text: '"'.repeat(30_000) }),
  ],
  [
    "whose text is control characters",
    JSON.stringify({ seq: 1, text: "\u0001\u001b[2J\r\n".repeat(200) }),
  ],
];
