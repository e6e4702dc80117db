/**
 * One clause of a contract: a named check that the Vitest suites register
 * as a test and that `npm run verify` runs against an attendee's code.
 */
export interface Clause<Context> {
  /** A short, stable name: exercises list the clauses they cover by it. */
  readonly id: string;
  /** The test's name, as Vitest shows it. */
  readonly name: string;
  /** The Vitest `describe` it sits in, if any, inside the suite's own. */
  readonly group?: string;
  /** What a correct server does, in plain words, for verify's report. */
  readonly expected: string;
  /** A time limit of its own, when the default is too short. */
  readonly timeoutMs?: number;
  /** Runs the check; throws an assertion error that says what happened. */
  run(context: Context): Promise<void>;
}
