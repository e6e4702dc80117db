#!/usr/bin/env node
// npm run check-cycles (part of npm test): fails when a module imports
// itself through others, anywhere in the workspaces' source, type-only
// imports included (.dependency-cruiser.mjs says why). Prints what it
// checked, and each cycle with its files in order. With folders as
// arguments it checks those instead: its test runs it on fixtures.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every workspace's source: apps/*\/src, packages/*\/src, the docs' theme and verdict, the exercises. */
function workspaceSources() {
  const sources = ["apps", "packages"].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(group, name, "src"))
      .filter((dir) => existsSync(join(root, dir))),
  );
  return [...sources, "docs/.vitepress", "docs/verdict", "exercises"];
}

const folders = process.argv.slice(2);
const checked = folders.length > 0 ? folders : workspaceSources();
// Paths in the report are the repository's, as a reader finds them.
process.chdir(root);
const options = await extractDepcruiseOptions(
  join(root, ".dependency-cruiser.mjs"),
);
const { output } = await cruise(checked, options);
if (typeof output === "string") throw new Error(output);

const { summary, modules } = output;
const imports = modules.flatMap((module) => module.dependencies);
const typeOnly = imports.filter((dependency) =>
  dependency.dependencyTypes.includes("type-only"),
).length;
const cycles = summary.violations.filter(
  (violation) => violation.rule.name === "no-circular",
);
const shown = (path) => relative(root, join(root, path)) || path;

console.log(
  `import cycles: checked ${summary.totalCruised} modules, ` +
    `${summary.totalDependenciesCruised} imports (${typeOnly} type-only) in ` +
    checked.join(", "),
);
if (cycles.length === 0) {
  console.log("import cycles: none");
} else {
  for (const { from, cycle } of cycles) {
    // `cycle` runs from the module `from` imports back to `from`; each
    // step says how it is imported.
    const steps = cycle.map(
      ({ name, dependencyTypes }) =>
        ` --${dependencyTypes.includes("type-only") ? "import type" : "import"}--> ${shown(name)}`,
    );
    console.error(`import cycle: ${shown(from)}${steps.join("")}`);
  }
  console.error(
    `import cycles: ${cycles.length} found; move what both sides need into a module of its own`,
  );
  process.exit(1);
}
