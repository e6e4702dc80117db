// Fills an npm cache with every package the lock file installs on the
// room's platforms (see prime-cache.mjs for why and how).
import { PLATFORMS, installsOn } from "./platforms.mjs";
import { readLock, repoRoot, runNpm } from "./scratch.mjs";

/** The folder the cache goes to when none is named (git ignores it). */
export const DEFAULT_CACHE = "npm-cache";

/** How many packages one `npm cache add` fetches: keeps each command line short. */
const BATCH = 60;

/**
 * Every package the lock file installs on at least one of `platforms`, as
 * `name@version` (an alias such as "@typescript/native" is the package
 * "typescript" underneath). Workspaces are folders, not packages: left out.
 */
export function packagesFor(lock, platforms = PLATFORMS) {
  const specs = new Set();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.includes("node_modules/") || entry.link) continue;
    if (!platforms.some((platform) => installsOn(entry, platform))) continue;
    const name =
      entry.name ?? path.slice(path.lastIndexOf("node_modules/") + 13);
    specs.add(`${name}@${entry.version}`);
  }
  return [...specs].sort();
}

/**
 * Fills `cacheDir` with every package the lock file needs on each of
 * `platforms`; resolves with how many it added.
 */
export async function primeCache(cacheDir, platforms = PLATFORMS) {
  const specs = packagesFor(readLock(), platforms);
  for (let start = 0; start < specs.length; start += BATCH) {
    await runNpm(
      [
        "cache",
        "add",
        `--cache=${cacheDir}`,
        "--loglevel=error",
        ...specs.slice(start, start + BATCH),
      ],
      repoRoot,
    );
  }
  return specs.length;
}
