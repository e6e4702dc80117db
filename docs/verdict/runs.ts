// The stored comparison runs the verdict reads: docs/data/compare.json (the
// run the Measured page shows), and any earlier runs kept in
// docs/data/runs/*.json. A figure that moves from run to run is shown with
// its spread only when there are several; with one, the page says so and
// draws no direction from it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// Types only: the theme's i18n module imports vitepress's client side,
// which a build-time loader cannot load.
import type { Locale } from "../.vitepress/theme/i18n.js";
import type { LocTable } from "../rooms/features.js";
import type { Comparison, Runs } from "./data.js";
import type { Row } from "./model.js";
import { verdictRows } from "./rows.js";

const dataDir = join(new URL(".", import.meta.url).pathname, "..", "data");

export function readRuns(dir = dataDir): Runs {
  const read = (file: string) =>
    JSON.parse(readFileSync(file, "utf8")) as Comparison;
  const latest = read(join(dir, "compare.json"));
  const runsDir = join(dir, "runs");
  const earlier = existsSync(runsDir)
    ? readdirSync(runsDir)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => read(join(runsDir, name)))
    : [];
  return { latest, all: [...earlier, latest] };
}

const LOCALES: readonly Locale[] = ["en", "ko"];

export interface Verdict {
  /** How many runs the figures come from (1: no spread, no direction). */
  readonly runs: number;
  readonly measuredAt: string;
  readonly rows: Readonly<Record<Locale, readonly Row[]>>;
}

export function verdict(runs: Runs, loc: LocTable): Verdict {
  return {
    runs: runs.all.length,
    measuredAt: runs.latest.measuredAt,
    rows: Object.fromEntries(
      LOCALES.map((locale) => [locale, verdictRows(runs, loc, locale)]),
    ) as Record<Locale, Row[]>,
  };
}
