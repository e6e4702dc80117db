// The Server-Sent Events baseline in the comparison: lesson 1's figures
// for a bare SSE server (pushes on an event stream, replies by fetch
// POST) and its catch-up with Last-Event-ID, as the JSON's `sse` object.
// Its checks are with the others, in report/checks.ts.
import type { SseResult } from "../report/model.js";
import { ratiosOf } from "../report/ratios.js";
import type { ServerFigures } from "./server-figures.js";
import type { ResumeFigures } from "./sse-resume.js";

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
