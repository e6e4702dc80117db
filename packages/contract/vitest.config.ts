import { defineConfig } from "vitest/config";
import { jsonReportFile } from "../../scripts/vitest-report.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-chromium.ts"],
    // Each test file starts real server processes: give them room on a
    // busy 2-core machine, and run files one at a time.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    fileParallelism: false,
    // One report per Turborepo task: test, test:ws-demo, test:socketio-demo.
    reporters: ["default", ["json", { outputFile: jsonReportFile() }]],
  },
});
