// The JSON report's path for a workspace whose tests run as several
// Turborepo tasks (`test`, `test:ws-demo`, `test:socketio-demo`, the
// docs' `test:demos`): each task writes its own file,
// reports/vitest-ws-demo.json, reports/vitest-demos.json and so on, so
// that one does not overwrite another and each is cached with its task.
// npm names the running script in npm_lifecycle_event; run by hand
// (npx vitest), the report is reports/vitest.json.
// scripts/check-test-summary.mjs adds up every reports/vitest*.json.
export function jsonReportFile() {
  const script = process.env.npm_lifecycle_event ?? "test";
  const part = script.startsWith("test:") ? `-${script.slice(5)}` : "";
  return `reports/vitest${part}.json`;
}
