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
import { holds } from "./offline-cache/cacache.mjs";
import {
  PLATFORMS,
  nativeBuilds,
  platformName,
} from "./offline-cache/platforms.mjs";
import { readLock, repoRoot } from "./offline-cache/scratch.mjs";
import { DEFAULT_CACHE } from "./prime-cache.mjs";

/**
 * For each platform, each native tool's builds and whether the cache holds
 * them. A tool with no build at all for a platform counts as missing.
 */
export function checkCache(cacheDir, lock = readLock()) {
  return PLATFORMS.map((platform) => ({
    platform: platformName(platform),
    tools: nativeBuilds(lock, platform).map(({ tool, version, builds }) => ({
      tool,
      version,
      builds: builds.map((build) => ({
        ...build,
        cached: holds(cacheDir, build.integrity),
      })),
    })),
  }));
}

/** Whether every platform has every tool's builds in the cache. */
export const complete = (report) =>
  report.every(({ tools }) =>
    tools.every(
      ({ builds }) => builds.length > 0 && builds.every((b) => b.cached),
    ),
  );

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
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
}
