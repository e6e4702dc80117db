// The checks every exercise gets: its solution passes every check, and its
// untouched start fails exactly the checks the exercise expects. Page
// exercises run in Chromium, and skip with a reason without it.
import { beforeAll, describe, expect, it } from "vitest";
import { haveChromium } from "@repo/demo-kit/testing";
import { copyOnce, edit, type Edits, failed, verify } from "./verify-runs.js";

/** Exercise name -> the checks its untouched start fails, in order. */
export type Expected = Record<string, readonly string[]>;

/** Server exercises: both runs queued up front, then one test each. */
export function describeServerExercises(exercises: Expected): void {
  beforeAll(() => {
    for (const name of Object.keys(exercises)) {
      void verify(name, "--solution");
      void verify(name);
    }
  });
  describe.each(Object.entries(exercises))("%s", (name, failing) => {
    it("passes every check with its solution", async () => {
      const run = await verify(name, "--solution");
      expect(failed(run)).toEqual([]);
      expect(run.out).toMatch(
        new RegExp(`^${name}: all \\d+ checks pass\\.$`, "m"),
      );
      expect(run.code).toBe(0);
    });

    it("fails exactly the expected checks from its start", async () => {
      const run = await verify(name);
      expect(failed(run)).toEqual(failing);
      expect(run.code).toBe(1);
    });
  });
}

/** Page exercises, in Chromium. */
export function describePageExercises(exercises: Expected): void {
  beforeAll(() => {
    if (!haveChromium()) return;
    for (const name of Object.keys(exercises)) {
      void verify(name, "--solution");
      void verify(name);
    }
  });
  describe.skipIf(!haveChromium()).each(Object.entries(exercises))(
    "%s (in Chromium)",
    (name, failing) => {
      it("passes every check with its solution", async () => {
        const run = await verify(name, "--solution");
        expect(failed(run)).toEqual([]);
        expect(run.code).toBe(0);
      });

      it("fails exactly the expected checks from its start", async () => {
        const run = await verify(name);
        expect(failed(run)).toEqual(failing);
        expect(run.code).toBe(1);
      });
    },
  );
}

/**
 * A copy of an exercise's solution with `edits` made to `file` (each must
 * apply): a bug of the note put back in. Made once per tag.
 */
export function solutionWith(
  exercise: string,
  tag: string,
  file: string,
  edits: Edits,
): string {
  const made = bugCopies.get(tag);
  if (made) return made;
  const dir = copyOnce(exercise, "solution", tag);
  edit(`${dir}/${file}`, edits);
  bugCopies.set(tag, dir);
  return dir;
}

const bugCopies = new Map<string, string>();
