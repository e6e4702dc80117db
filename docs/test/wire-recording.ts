// What the two wire tests share (wire.demos.test.ts for lesson 1's
// diagrams, rooms-wire.demos.test.ts for lesson 2's): recording the
// exchanges again with one of @repo/compare's recorders, reading a
// recording, committed or fresh, and the checks that hold for both.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { docsRoot } from "./markdown.js";

/** One row of a recording, as packages/compare's recorders write it. */
export type WireEvent =
  | {
      kind: "http";
      direction: string;
      startLine: string;
      body: string;
      bytes: number;
    }
  | {
      kind: "frame";
      direction: string;
      connection: number;
      opcode: string;
      masked: boolean;
      payload: string;
      bytes: number;
      headerBytes: number;
      payloadBytes: number;
    };

/**
 * Runs @repo/compare's `dist/wire/<recorder>.js` (it starts the demos it
 * records) into a new temporary folder, and returns that folder.
 */
export function recordAgain(recorder: "record" | "record-rooms"): string {
  const script = new URL(
    `../../packages/compare/dist/wire/${recorder}.js`,
    import.meta.url,
  ).pathname;
  const fresh = mkdtempSync(join(tmpdir(), `wire-${recorder}-`));
  execFileSync(process.execPath, [script, fresh], {
    stdio: "ignore",
    timeout: 60_000,
  });
  return fresh;
}

/** The committed recording docs/data/<file> and the fresh one in `fresh`. */
export function recordings(
  file: string,
  fresh: string,
): { committed: WireEvent[]; recorded: WireEvent[] } {
  const read = (path: string) =>
    (JSON.parse(readFileSync(path, "utf8")) as { events: WireEvent[] }).events;
  return {
    committed: read(join(docsRoot, "data", file)),
    recorded: read(join(fresh, file)),
  };
}

/**
 * Expects `milestones` among a recording's rows, in this order (a
 * recording may hold more between them: a poll more or less, depending on
 * timing). `shape` writes a row without what changes every run.
 */
export function expectMilestones(
  events: WireEvent[],
  shape: (event: WireEvent) => string,
  milestones: string[],
): void {
  const shapes = events.map(shape);
  let at = 0;
  for (const row of shapes) if (row === milestones[at]) at += 1;
  expect(at, shapes.join("\n")).toBe(milestones.length);
}

/** A real exchange: every frame's size is its header's and payload's. */
export function expectSizesAddUp(events: WireEvent[]): void {
  for (const event of events) {
    if (event.kind === "frame")
      expect(event.bytes).toBe(event.headerBytes + event.payloadBytes);
    else expect(event.bytes).toBeGreaterThan(event.startLine.length);
  }
}
