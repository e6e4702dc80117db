import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Unit tests that share no state between files: one worker runs them
    // all with one module cache, instead of a process that imports
    // everything again for each file.
    isolate: false,
    // The fuzz properties run 1000 inputs each (3 s on an idle machine);
    // beside the other suites on two cores, 5 s was seen to run out.
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
