// The Server-Sent Events baseline in the comparison: lesson 1's figures
// for a bare SSE server (pushes on an event stream, replies by fetch
// POST), its catch-up with Last-Event-ID, and the checks that hold them.
import type { ServerFigures } from "./measure.js";
import {
  byteCheck,
  ratiosOf,
  type Check,
  type FigureRatios,
} from "./report.js";
import type { ResumeFigures } from "./sse-resume.js";

/** What `compare` writes as the top-level `sse` object of its JSON. */
export interface SseResult {
  readonly label: string;
  readonly server: "sse-bare";
  /** The headline figures, also in `figures`, named as the verdict page reads them. */
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  /** The POST as the server read it, headers included (measured, not predicted). */
  readonly bytesPerReply: number;
  /** The server's answer to that POST: a reply over WebSocket has none. */
  readonly bytesPerReplyAnswer: number | null;
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Measured: a client back with Last-Event-ID got every push it missed, once, in order. */
  readonly lastEventIdResume: boolean;
  readonly resume: ResumeFigures | null;
  /** Against the ws baseline measured in the same run (null if ws was not). */
  readonly againstWsBare: FigureRatios | null;
  readonly figures: ServerFigures;
}

export function sseResult(
  figures: ServerFigures,
  resume: ResumeFigures | null,
  wsBare: ServerFigures | undefined,
): SseResult {
  return {
    label: "SSE + fetch",
    server: "sse-bare",
    heapPerConnection: figures.heapPerConnection,
    bytesPerPush: figures.bytesPerPush,
    expectedBytesPerPush: figures.expectedBytesPerPush,
    bytesPerReply: figures.bytesPerReply,
    bytesPerReplyAnswer: figures.bytesPerReplyAnswer,
    connectP50Ms: figures.connectP50Ms,
    connectP99Ms: figures.connectP99Ms,
    latencyP50Ms: figures.latencyP50Ms,
    latencyP99Ms: figures.latencyP99Ms,
    lastEventIdResume: resume?.lastEventIdResume ?? false,
    resume,
    againstWsBare: wsBare ? ratiosOf(figures, wsBare) : null,
    figures,
  };
}

/** Pushes exact to the byte; the catch-up as promised, when it was run. */
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
