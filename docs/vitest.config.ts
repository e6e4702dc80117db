import { defineConfig } from "vitest/config";
import { jsonReportFile } from "../scripts/vitest-report.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Chromium for the run, which the browser tests connect to.
    globalSetup: ["test/global-chromium.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // All files in one worker that imports playwright, @repo/contract and
    // the markdown helpers once, not once per file (about 5 CPU-s here).
    // No test file mocks a module or changes a global.
    isolate: false,
    // One report per Turborepo task: test (the site's tests) writes
    // reports/vitest.json, test:demos (the *.demos.test.ts files, which
    // run the apps) reports/vitest-demos.json.
    reporters: ["default", ["json", { outputFile: jsonReportFile() }]],
  },
});
