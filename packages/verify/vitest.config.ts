import { defineConfig } from "vitest/config";
import { jsonReportFile } from "../../scripts/vitest-report.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each verify run starts a server (and Chromium for the pages): one
    // file at a time on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One report per Turborepo task: test, test:ws-demo, test:socketio-demo.
    reporters: ["default", ["json", { outputFile: jsonReportFile() }]],
  },
});
