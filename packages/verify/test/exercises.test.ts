// The exercises as declared: the same files in start/ and solution/, each
// check naming a clause the contract has and a docs section that exists.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  pageClauses,
  roomsClauses,
  transportClauses,
} from "@repo/contract/clauses";
import { exercisesDir, loadExercises, repoRoot } from "../src/exercises.js";

const exercises = loadExercises();
const tables = {
  "ws-server": transportClauses,
  "socketio-server": transportClauses,
  "ws-page": pageClauses,
  "socketio-page": pageClauses,
  "ws-rooms": roomsClauses,
  "socketio-rooms": roomsClauses,
} as const;

/** VitePress's heading ids (its slugify), for "3. Who is this client?". */
function slug(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036F]/g, "")
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();
}

/** The ids of a docs page's headings, from its markdown. */
function anchorsOf(url: string): string[] {
  const path = url.replace(/\/$/, "/index").replace(/^\//, "");
  const text = readFileSync(`${repoRoot}docs/${path}.md`, "utf8");
  return [...text.matchAll(/^#{1,4} (.+)$/gm)].map((m) => slug(m[1]!));
}

const HANGUL = /[\uac00-\ud7af]/;

/**
 * The Korean page's heading with the id `anchor`, as verify names it (no
 * backticks). Korean headings keep the English ids: `## 방 {#rooms}`.
 */
function koreanHeadingOf(url: string, anchor: string): string | undefined {
  const path = url.replace(/\/$/, "/index").replace(/^\//, "");
  const text = readFileSync(`${repoRoot}docs/ko/${path}.md`, "utf8");
  for (const match of text.matchAll(/^#{1,4} (.+) \{#([^}]+)\}$/gm))
    if (match[2] === anchor) return match[1]!.replaceAll("`", "");
  return undefined;
}

it("has the six exercises of lessons 1 and 2, in workshop order", () => {
  expect(exercises.map((e) => e.name)).toEqual([
    "ws-server-push",
    "ws-browser-client",
    "socketio-server-push",
    "socketio-browser-client",
    "ws-rooms",
    "socketio-rooms",
  ]);
});

describe.each(exercises)("$name", (exercise) => {
  it("has the same file names in start/ and solution/", () => {
    const files = (side: string) =>
      readdirSync(`${exercisesDir}${exercise.name}/${side}`).sort();
    expect(files("start")).toEqual(files("solution"));
    expect(files("start")).toContain(exercise.edit);
  });

  it("names clauses the contract has, and docs sections that exist", () => {
    const ids = tables[exercise.kind].map((clause) => clause.id);
    for (const check of [
      ...exercise.checks,
      { clause: ids[0]!, docs: exercise.page.url },
    ]) {
      expect(ids).toContain(check.clause);
      const [url, anchor] = check.docs.split("#");
      if (anchor) expect(anchorsOf(url!), check.docs).toContain(anchor);
    }
    if (exercise.next)
      expect(exercises.map((e) => e.name)).toContain(exercise.next);
  });

  it("says each check in Korean too, naming the Korean page's section", () => {
    expect(exercise.ko.title).toMatch(HANGUL);
    for (const check of exercise.checks) {
      const [url, anchor] = check.docs.split("#");
      const heading = koreanHeadingOf(url!, anchor!);
      expect(
        heading,
        `docs/ko has no #${anchor} for ${check.docs}`,
      ).toBeDefined();
      expect(check.ko.section.endsWith(`, ${heading}`), check.ko.section).toBe(
        true,
      );
      // A hint in one language is a hint in both.
      expect(check.ko.hint === undefined).toBe(check.hint === undefined);
      if (check.ko.hint) expect(check.ko.hint).toMatch(HANGUL);
    }
  });
});
