// The rooms' wire format on ws (docs/rooms/protocol.md): every frame is one JSON
// text {"event": E, "data": D}, and a request that wants an answer adds
// "ack": n. With ws, reading that safely is the app's job.
import type { RawData } from "ws";
import { refusal, type Answer } from "@repo/rooms";

/** A frame already encoded: a broadcast encodes once for every member. */
export class Preencoded {
  constructor(readonly text: string) {}
}

/** `{"event":E,"data":D}`, with `"ack":n` for an answer. */
export function encodeFrame(
  event: string,
  data: unknown,
  ack?: number,
): string {
  return JSON.stringify(
    ack === undefined ? { event, data } : { event, ack, data },
  );
}

/** A frame read from a client, or why it cannot be used. */
export type ReadFrame =
  | {
      readonly ok: true;
      readonly event: unknown;
      readonly data: unknown;
      readonly ack: number | undefined;
    }
  | {
      readonly ok: false;
      readonly ack: number | undefined;
      readonly answer: Answer;
    };

// #region read-frame
/**
 * Reads one client frame. Never throws: binary frames, text that is not
 * JSON or not an object are refused with `bad-request`. An `ack` that is
 * not a positive whole number is as good as none.
 */
export function readFrame(data: RawData, isBinary: boolean): ReadFrame {
  if (isBinary) {
    return bad(undefined, "frames must be JSON text, not binary");
  }
  let frame: unknown;
  try {
    // JSON.parse is not recursive in V8: deep nesting cannot overflow the
    // stack here, and the frame is at most MAX_PAYLOAD_BYTES.
    frame = JSON.parse(textOf(data));
  } catch {
    return bad(undefined, 'a frame must be JSON: {"event": …, "data": …}');
  }
  if (typeof frame !== "object" || frame === null || Array.isArray(frame)) {
    return bad(
      undefined,
      'a frame must be a JSON object: {"event": …, "data": …}',
    );
  }
  const fields = frame as Record<string, unknown>;
  const ack =
    Number.isSafeInteger(fields.ack) && (fields.ack as number) > 0
      ? (fields.ack as number)
      : undefined;
  return { ok: true, event: fields.event, data: fields.data, ack };
}
// #endregion read-frame

function bad(ack: number | undefined, message: string): ReadFrame {
  return { ok: false, ack, answer: refusal("bad-request", message) };
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.isBuffer(data)
    ? data.toString("utf8")
    : Buffer.from(data).toString("utf8");
}
