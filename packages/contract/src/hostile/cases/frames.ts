// Hostile rows, class "frames": WebSocket frames that break RFC 6455
// (unmasked, reserved bits and opcodes, bad control frames, invalid UTF-8),
// messages over MAX_PAYLOAD_BYTES, and ping floods. Each ends the
// connection with the close code the RFC names (or cuts it, for a flood),
// or is answered in full.
import { MAX_PAYLOAD_BYTES } from "../../contract-settings.js";
import { BUSY_MACHINE_WAIT_MS } from "../../wait-for.js";
import { buildFrame as frame, closePayload, OPCODE } from "../raw-websocket.js";
import { text } from "./inputs.js";
import type { HostileCase } from "./row.js";

export const frames: HostileCase[] = [
  {
    name: "an unmasked client frame",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { masked: false })),
  },
  {
    name: "RSV1 set (no extension negotiated)",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { rsv: 4 })),
  },
  {
    name: "RSV2 and RSV3 set",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { rsv: 3 })),
  },
  ...[0x3, 0xb].map((opcode): HostileCase => ({
    name: `reserved opcode 0x${opcode.toString(16)}`,
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(frame({ opcode, payload: "hi" })),
  })),
  {
    name: "a fragmented control frame (ping without FIN)",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.ping, payload: "hi", fin: false })),
  },
  {
    name: "a 126-byte ping",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126) })),
  },
  {
    name: "a continuation frame with nothing to continue",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.continuation, payload: "hi" })),
  },
  {
    name: "invalid UTF-8 in a text frame",
    class: "frames",
    expect: { close: 1007 },
    send: (c) => c.frames(text(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))),
  },
  {
    name: "close code 999",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.close, payload: closePayload(999) })),
  },
  {
    name: "a message one byte over MAX_PAYLOAD_BYTES",
    class: "frames",
    expect: { close: 1009 },
    send: (c) => c.frames(text("x".repeat(MAX_PAYLOAD_BYTES + 1))),
  },
  {
    name: "fragments that add up past MAX_PAYLOAD_BYTES",
    class: "frames",
    expect: { close: 1009 },
    send: (c) =>
      c.frames(
        text("x".repeat(MAX_PAYLOAD_BYTES / 2), { fin: false }),
        frame({
          opcode: OPCODE.continuation,
          payload: "x".repeat(MAX_PAYLOAD_BYTES / 2),
          fin: false,
        }),
        frame({ opcode: OPCODE.continuation, payload: "x" }),
      ),
  },
  {
    name: "a frame header announcing 10 MB, no body",
    class: "frames",
    expect: { close: 1009 },
    send: (c) =>
      c.frames(
        frame({ opcode: OPCODE.binary, announcedLength: 10 * 1024 * 1024 }),
      ),
  },
  {
    name: "16 385 empty continuation frames",
    class: "frames",
    expect: { close: 1008 },
    note: "ws 8.18+ caps a message at 16 384 fragments (maxFragments)",
    send: (c) =>
      c.frames(
        text("", { fin: false }),
        Buffer.concat(
          Array.from({ length: 16_385 }, () =>
            frame({ opcode: OPCODE.continuation, fin: false }),
          ),
        ),
      ),
  },
  {
    name: "2000 pings at once",
    class: "frames",
    expect: "cut",
    note: "ws 8.23 cuts a peer with more than maxPendingAutoPongs (60) pongs not yet written: terminate(), no close frame",
    send: (c) =>
      c.frames(
        Buffer.concat(
          Array.from({ length: 2000 }, () =>
            frame({ opcode: OPCODE.ping, payload: "flood" }),
          ),
        ),
      ),
  },
  {
    name: "2000 pings, 50 at a time: every pong comes",
    class: "frames",
    expect: "served",
    async send(c) {
      const session = await c.target.openSession(c.app.port);
      try {
        const fifty = Buffer.concat(
          Array.from({ length: 50 }, () =>
            frame({ opcode: OPCODE.ping, payload: "flood" }),
          ),
        );
        for (let sent = 50; sent <= 2000; sent += 50) {
          session.write(fifty);
          // Waits for the pongs, not for a window: a busy machine only delays them.
          const answered = await session.until(
            () => session.pongs.length >= sent || session.isClosed,
            BUSY_MACHINE_WAIT_MS,
          );
          if (!answered || session.isClosed)
            return {
              answer: `${session.pongs.length} pongs for ${sent} pings`,
            };
        }
        return "served";
      } finally {
        await session.close();
      }
    },
  },
];
