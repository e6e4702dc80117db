import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test file starts real server processes: give them room on a
    // busy 2-core machine, and run files one at a time.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    fileParallelism: false,
    // In one worker process: the measuring code is imported once, not once
    // per file. No file mocks a module or changes a global.
    isolate: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
