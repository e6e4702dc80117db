// The exact checks: byte counts against the protocol arithmetic (or the
// frames the clients counted), servers back to baseline once every client
// closed, rooms that delivered every say, and the SSE catch-up. Timings
// are printed, never judged: only these make `compare` exit 1.
import type { RoomsFigures } from "../bench/rooms-figures.js";
import type { Check, SseResult, TransportResult } from "./model.js";

/**
 * One byte check: integers, compared exactly. Pushes are matched to the
 * server's byte window by their timestamps, each charged its own packet's
 * size; clients reply only inside the window, which is drained before the
 * server's read count is taken. So any byte off is a real difference: a
 * frame the server wrote that no client counted, or a size the arithmetic
 * gets wrong.
 */
export function byteCheck(
  subject: string,
  what: "push" | "reply" | "written" | "read",
  measuredBytes: number,
  messages: number,
  expectedBytes: number,
): Check {
  const off = measuredBytes - expectedBytes;
  const noun = {
    push: "pushes",
    reply: "replies",
    written: "deliveries",
    read: "says",
  }[what];
  return {
    subject,
    what:
      what === "push" || what === "reply"
        ? `bytes per ${what} match the protocol arithmetic (exactly)`
        : `bytes ${what} match the frames the clients counted (exactly)`,
    ok: off === 0 && messages > 0,
    detail:
      `measured ${bytes(measuredBytes)} for ${count(messages)} ${noun}, ` +
      `expected ${bytes(expectedBytes)}: ${bytes(Math.abs(off))} off` +
      (off === 0
        ? ""
        : off > 0
          ? " (more than expected)"
          : " (less than expected)"),
  };
}

const count = (v: number) => v.toLocaleString("en-US");
const bytes = (v: number) => `${count(v)} B`;

export function checksFor(
  result: Omit<TransportResult, "ratios" | "recovery">,
): Check[] {
  const checks: Check[] = [];
  for (const figures of [result.demo, result.bare]) {
    const subject = `${result.label} / ${figures.server}`;
    checks.push(
      byteCheck(
        subject,
        "push",
        figures.pushBytesWritten,
        figures.pushesInWindow,
        figures.expectedPushBytes,
      ),
      byteCheck(
        subject,
        "reply",
        figures.replyBytesRead,
        figures.replies,
        figures.expectedReplyBytes,
      ),
    );
    if (figures.connectionsLeft !== null) {
      checks.push({
        subject,
        what: "back to baseline after every client closed",
        ok: figures.connectionsLeft === 0 && figures.timersLeft === 0,
        detail: `${figures.connectionsLeft} connections, ${figures.timersLeft} timers left`,
      });
    }
  }
  return checks;
}

/** The rooms' checks: exact bytes both ways, every say delivered to every member, none refused. */
export function roomsChecks(figures: RoomsFigures): Check[] {
  const subject = `rooms, ${figures.label}`;
  return [
    byteCheck(
      subject,
      "written",
      figures.bytesWritten,
      figures.deliveries,
      figures.expectedBytesWritten,
    ),
    byteCheck(
      subject,
      "read",
      figures.bytesRead,
      figures.says,
      figures.expectedBytesRead,
    ),
    {
      subject,
      what: "every say reached every member of its room",
      ok:
        figures.deliveries === figures.expectedDeliveries &&
        figures.rateLimited === 0,
      detail: `${figures.deliveries} deliveries of ${figures.says} says to rooms of ${figures.expectedDeliveries / Math.max(1, figures.says)}, ${figures.rateLimited} refused as rate-limited`,
    },
  ];
}

/** SSE: pushes exact to the byte; the catch-up as promised, when it was run. */
export function sseChecks(result: SseResult): Check[] {
  const subject = `${result.label} / ${result.server}`;
  const { figures, resume } = result;
  const checks = [
    byteCheck(
      subject,
      "push",
      figures.pushBytesWritten,
      figures.pushesInWindow,
      figures.expectedPushBytes,
    ),
  ];
  if (resume)
    checks.push({
      subject,
      what: "a client back with Last-Event-ID gets what it missed, once, in order",
      ok: resume.lastEventIdResume && resume.replayedWithoutHeader === 0,
      detail:
        `${resume.replayed} of ${resume.missed} missed pushes replayed with the header, ` +
        `${resume.replayedWithoutHeader} without`,
    });
  return checks;
}
