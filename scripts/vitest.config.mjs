// The repository's own scripts' tests (npm run test:scripts, part of npm
// test): the import-cycle check on its fixtures, and no file pointing
// outside the repository.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["*.test.mjs"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
