// What each check of npm run doctor gives back: one line for the
// terminal, and the fix when something is wrong.

/**
 * @typedef {object} CheckResult
 * @property {"ok" | "missing" | "optional"} status
 *   ok; missing: required and not there (doctor exits 1); optional: not
 *   there, and only one lesson needs it.
 * @property {string} what  what was found, or not
 * @property {string} [fix] what to do about it
 */

/** @returns {CheckResult} */
export const ok = (what) => ({ status: "ok", what });
/** @returns {CheckResult} */
export const missing = (what, fix) => ({ status: "missing", what, fix });
/** @returns {CheckResult} */
export const optional = (what, fix) => ({ status: "optional", what, fix });

/** One line per check: `ok`, `MISSING` or `optional`, what, and the fix. */
export function formatResult(/** @type {CheckResult} */ result) {
  const label = { ok: "ok      ", missing: "MISSING ", optional: "optional" }[
    result.status
  ];
  return `${label} ${result.what}${result.fix ? ` -> ${result.fix}` : ""}`;
}
