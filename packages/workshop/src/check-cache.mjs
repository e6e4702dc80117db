#!/usr/bin/env node
// Says which platform builds of the native tools a primed npm cache holds:
//
//   npm run check-cache                  -> the folder npm-cache/ here
//   npm run check-cache E:\npm-cache     -> any other folder
//
// One line per platform, naming each build found (checked against the lock
// file's hash) or missing; exits 1 when one is missing, since a laptop of
// that platform could not install offline.
import { resolve } from "node:path";
import { checkCache, complete } from "./offline-cache/check.mjs";
import { DEFAULT_CACHE } from "./offline-cache/prime.mjs";
import { repoRoot } from "./offline-cache/scratch.mjs";

const cacheDir = resolve(repoRoot, process.argv[2] ?? DEFAULT_CACHE);
const report = checkCache(cacheDir);
for (const { platform, tools } of report) {
  const parts = tools.map(({ tool, version, builds }) =>
    builds.length === 0
      ? `${tool} ${version}: NO BUILD in the lock file`
      : `${tool} ${version} ${builds
          .map((b) => `${b.name}@${b.version}${b.cached ? "" : " MISSING"}`)
          .join(", ")}`,
  );
  console.log(`${platform.padEnd(12)} ${parts.join("; ")}`);
}
if (complete(report)) {
  console.log(
    `check-cache: ${cacheDir} holds every platform's builds of esbuild, turbo and the native TypeScript.`,
  );
} else {
  console.error(`check-cache: ${cacheDir} misses builds (above).`);
  process.exit(1);
}
