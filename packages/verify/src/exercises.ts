// The exercises, as each one's exercise.json declares it: what kind of
// code it is, the file to edit, and the contract clauses its step covers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locale } from "./locale.js";

/** The repository's root, found from this file (src/ or dist/). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const exercisesDir = `${repoRoot}exercises/`;
/** Where the docs site runs with `npm start`. */
export const DOCS_SITE = "http://127.0.0.1:8000";

/** How verify runs an exercise: which server, which client, which clauses. */
export type ExerciseKind =
  | "ws-server"
  | "socketio-server"
  | "ws-page"
  | "socketio-page"
  | "ws-rooms"
  | "socketio-rooms";

/** One check an exercise makes: a clause, and where the docs explain it. */
export interface ExerciseCheck {
  /** The clause's id in @repo/contract. */
  readonly clause: string;
  /** The docs page and section, as a site path: /ws/#_3-who-is-this-client. */
  readonly docs: string;
  /** That section's title, as the page shows it. */
  readonly section: string;
  /** A sentence that names the likely mistake, for this exercise's start. */
  readonly hint?: string;
  /** A clause that must pass first: when it failed, this one is not run. */
  readonly requires?: string;
  /** The section's title as the Korean page shows it, and the hint in Korean. */
  readonly ko: { readonly section: string; readonly hint?: string };
}

export interface Exercise {
  readonly name: string;
  /** Its place in the workshop: --list sorts by it. */
  readonly order: number;
  readonly title: string;
  /** The title in Korean. */
  readonly ko: { readonly title: string };
  readonly kind: ExerciseKind;
  /** The one file the attendee edits, in start/. */
  readonly edit: string;
  /** The docs page of the step. */
  readonly page: { readonly title: string; readonly url: string };
  /** The exercise to do next, if any. */
  readonly next?: string;
  readonly checks: readonly ExerciseCheck[];
}

/** Every exercise under exercises/, in workshop order. */
export function loadExercises(): Exercise[] {
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(`${exercisesDir}${entry.name}/exercise.json`),
    )
    .map((entry) => ({
      name: entry.name,
      ...(JSON.parse(
        readFileSync(`${exercisesDir}${entry.name}/exercise.json`, "utf8"),
      ) as Omit<Exercise, "name">),
    }))
    .sort((a, b) => a.order - b.order);
}

/** An exercise's title in `locale`. */
export function titleOf(exercise: Exercise, locale: Locale): string {
  return locale === "ko" ? exercise.ko.title : exercise.title;
}

/** A check's docs section and hint in `locale`. */
export function checkWordsOf(
  check: ExerciseCheck,
  locale: Locale,
): { readonly section: string; readonly hint?: string } {
  return locale === "ko" ? check.ko : check;
}
