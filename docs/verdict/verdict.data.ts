// Build-time data for the verdict page's decision table: VitePress runs
// load() when it builds the site (and again in dev when a source changes),
// so every figure is read from the stored comparison and lesson 2's code
// each time, never typed by hand.
import { defineLoader } from "vitepress";
import { countFeatures, FEATURES, SERVER_FILES } from "../rooms/features.js";
import { readRuns, type Verdict, verdict } from "./runs.js";

declare const data: Verdict;
export { data };

const files = new Set([
  ...FEATURES.flatMap((feature) =>
    [...feature.ws, ...feature.socketio].map((ref) => ref.file),
  ),
  ...SERVER_FILES.ws,
  ...SERVER_FILES.socketio,
]);

export default defineLoader({
  watch: [
    "../data/compare.json",
    "../data/runs/*.json",
    ...[...files].map((file) => `../../${file}`),
  ],
  load: (): Verdict => verdict(readRuns(), countFeatures()),
});
