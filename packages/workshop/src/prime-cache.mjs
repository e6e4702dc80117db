#!/usr/bin/env node
// Primes one npm cache that installs the workshop on every laptop of the
// room, offline: Linux, macOS and Windows, on x64 and on arm64.
//
//   npm run prime-cache                  -> the folder npm-cache/ here
//   npm run prime-cache E:\npm-cache     -> any other folder
//
// (A folder is a plain argument, which every shell passes on; no `--`.)
// Attendees then install from that folder without the Wi-Fi:
//
//   npm ci --offline --cache E:\npm-cache
//
// How: npm installs only the current machine's build of a package that
// ships one per platform (esbuild, turbo, the native TypeScript...). Each
// such build says in the lock file which `os`, `cpu` and `libc` it is for;
// this takes every package of the lock file that one of PLATFORMS installs
// (the same test npm makes, and the one its `--os`/`--cpu` settings
// change) and adds it to the cache with `npm cache add`: the tarball, and
// the package's registry entry that `npm ci` reads first. Nothing is
// installed or run, so priming takes the download time alone.
import { resolve } from "node:path";
import {
  PLATFORMS,
  installsOn,
  platformName,
} from "./offline-cache/platforms.mjs";
import { readLock, repoRoot, runNpm } from "./offline-cache/scratch.mjs";

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

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  const cacheDir = resolve(repoRoot, process.argv[2] ?? DEFAULT_CACHE);
  const started = performance.now();
  let count;
  try {
    count = await primeCache(cacheDir);
  } catch (error) {
    console.error(`prime-cache: ${error.message}`);
    process.exit(1);
  }
  const took = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `prime-cache: ${count} packages in ${cacheDir}, for ${PLATFORMS.map(platformName).join(", ")} (${took} s).`,
  );
  console.log(
    `Attendees install from it with: npm ci --offline --cache "${cacheDir}"`,
  );
}
