#!/usr/bin/env node
// Adds up the Vitest JSON reports of every workspace into one closing line,
// "tests: N passed, N failed, N skipped", and fails when a run is not
// trustworthy: no tests at all, a failure, or (with CI=true) any skip. A
// browser test skipped for want of Chromium is fine on a laptop, not in CI.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const workspaceDirs = ["packages", "apps"].flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
// The docs, and the repository's own scripts (the import-cycle check).
workspaceDirs.push(join(root, "docs"), join(root, "scripts"));

let passed = 0;
let failed = 0;
const skipped = [];
// A workspace whose tests run as several tasks has a report per task
// (scripts/vitest-report.mjs): reports/vitest.json, vitest-ws-demo.json...
const reportsOf = (dir) => {
  const reports = join(dir, "reports");
  if (!existsSync(reports)) return [];
  return readdirSync(reports)
    .filter((name) => /^vitest(-[\w-]+)?\.json$/.test(name))
    .sort()
    .map((name) => join(reports, name));
};

for (const reportPath of workspaceDirs.flatMap(reportsOf)) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults) {
    // A file that fails to load (a syntax error, a bad import) has no
    // failed tests, only a failed status: count it, or its tests vanish.
    if (
      file.status === "failed" &&
      !file.assertionResults.some((test) => test.status === "failed")
    ) {
      failed += 1;
      console.error(
        `FAILED TO RUN: ${relative(root, file.name)}: ${file.message ?? "no message"}`,
      );
    }
    for (const test of file.assertionResults) {
      if (
        test.status === "skipped" ||
        test.status === "pending" ||
        test.status === "todo"
      ) {
        skipped.push(`${relative(root, file.name)} > ${test.fullName}`);
      }
    }
  }
  console.log(
    `${relative(root, reportPath).replace(/\/reports\/vitest(-([\w-]+))?\.json$/, (_, __, task) => (task ? ` (${task})` : ""))}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ` +
      `${report.numPendingTests + report.numTodoTests} skipped`,
  );
}

for (const name of skipped) console.warn(`SKIPPED: ${name}`);
console.log(
  `tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`,
);

if (passed + failed === 0) {
  console.error("No test reports found: did the tests run at all?");
  process.exit(1);
}
if (failed > 0) process.exit(1);
if (skipped.length > 0 && process.env.CI === "true") {
  console.error(
    "CI=true: skipped tests count as failures here (install Chromium: apt-get install -y chromium).",
  );
  process.exit(1);
}
