// Build-time data for the "what each feature took" table: VitePress runs
// load() when it builds the site (and again in dev when a source changes),
// so the table is counted from the code every time, never typed by hand.
import { defineLoader } from "vitepress";
import {
  countFeatures,
  FEATURES,
  SERVER_FILES,
  type LocTable,
} from "./features.js";

declare const data: LocTable;
export { data };

const files = new Set([
  ...FEATURES.flatMap((feature) =>
    [...feature.ws, ...feature.socketio].map((ref) => ref.file),
  ),
  ...SERVER_FILES.ws,
  ...SERVER_FILES.socketio,
]);

export default defineLoader({
  watch: [...files].map((file) => `../../${file}`),
  load: (): LocTable => countFeatures(),
});
