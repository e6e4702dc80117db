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
    // And in one worker process, which imports the drivers, ws,
    // socket.io-client and Playwright once, not once per file. No file
    // mocks a module or changes a global; every server is its own process.
    isolate: false,
    // One report per Turborepo task: test, test:ws-demo, test:socketio-demo.
    reporters: ["default", ["json", { outputFile: jsonReportFile() }]],
  },
});
