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
import { PLATFORMS, platformName } from "./offline-cache/platforms.mjs";
import { DEFAULT_CACHE, primeCache } from "./offline-cache/prime.mjs";
import { repoRoot } from "./offline-cache/scratch.mjs";

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
