// Which platform builds of the native tools an npm cache holds (see
// check-cache.mjs).
import { holds } from "./cacache.mjs";
import { PLATFORMS, nativeBuilds, platformName } from "./platforms.mjs";
import { readLock } from "./scratch.mjs";

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
