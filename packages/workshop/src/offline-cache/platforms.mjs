// Which operating systems and processors one workshop cache serves, and
// which of the lock file's packages each of them installs.
//
// Most packages are plain JavaScript, the same on every laptop. A few ship
// a native binary per platform as optional dependencies (esbuild, turbo,
// the native TypeScript, rollup, lightningcss...): npm installs only the
// one whose `os`, `cpu` (and, on Linux, `libc`) fit the machine. A cache
// primed on one laptop holds that laptop's builds alone, which is why
// prime-cache.mjs asks npm for each platform below in turn.

/**
 * package-lock.json, as far as these commands read it.
 * @typedef {{
 *   version: string,
 *   integrity: string,
 *   name?: string,
 *   link?: boolean,
 *   os?: string | string[],
 *   cpu?: string | string[],
 *   libc?: string | string[],
 *   optionalDependencies?: Record<string, string>,
 * }} LockEntry
 * @typedef {{ packages: Record<string, LockEntry> }} Lock
 * @typedef {{ os: string, cpu: string, libc?: string }} Platform
 */

/**
 * The laptops of a room: Linux, macOS and Windows, on Intel/AMD and on ARM.
 * Linux laptops run glibc distributions (Debian, Ubuntu, Fedora...);
 * naming it keeps the priming the same on whichever OS the instructor is.
 */
/** @type {Platform[]} */
export const PLATFORMS = [
  { os: "linux", cpu: "x64", libc: "glibc" },
  { os: "linux", cpu: "arm64", libc: "glibc" },
  { os: "darwin", cpu: "x64" },
  { os: "darwin", cpu: "arm64" },
  { os: "win32", cpu: "x64" },
  { os: "win32", cpu: "arm64" },
];

/** "darwin-arm64", as the platform packages name themselves. */
export const platformName = ({ os, cpu }) => `${os}-${cpu}`;

/**
 * The tools whose per-platform builds the CI run looks for in a primed
 * cache: the ones every attendee runs (turbo for every npm script, esbuild
 * under Vite, VitePress and tsx, the native TypeScript for check-types).
 */
export const NATIVE_TOOLS = [
  { label: "esbuild", name: "esbuild" },
  { label: "turbo", name: "turbo" },
  { label: "native TypeScript", name: "@typescript/native" },
];

/** Whether a list such as `["darwin"]` or `["!win32"]` allows `value`. */
function allows(list, value) {
  if (!list || list.length === 0) return true;
  const denied = list.filter((entry) => entry.startsWith("!"));
  if (denied.includes(`!${value}`)) return false;
  const wanted = list.filter((entry) => !entry.startsWith("!"));
  return wanted.length === 0 || wanted.includes(value);
}

/**
 * Whether npm installs this lock file entry on `platform`: the same test
 * npm makes with its `os`, `cpu` and `libc` fields (libc counts on Linux
 * only).
 * @param {Partial<LockEntry>} entry
 * @param {Platform} platform
 */
export function installsOn(entry, platform) {
  const asList = (field) =>
    field === undefined ? undefined : [field].flat().map(String);
  return (
    allows(asList(entry.os), platform.os) &&
    allows(asList(entry.cpu), platform.cpu) &&
    (platform.os !== "linux" ||
      !platform.libc ||
      allows(asList(entry.libc), platform.libc))
  );
}

/** The package name of a lock file path: ".../node_modules/@a/b" -> "@a/b". */
const nameOfPath = (path) => path.slice(path.lastIndexOf("node_modules/") + 13);

/**
 * Where Node (and npm) find `dependency` from the package at `fromPath`:
 * its own node_modules first, then each folder above it.
 */
function resolve(lock, fromPath, dependency) {
  let base = fromPath;
  for (;;) {
    const candidate = `${base}/node_modules/${dependency}`.replace(/^\//, "");
    if (lock.packages[candidate]) return candidate;
    if (base === "") return undefined;
    const up = base.lastIndexOf("/node_modules/");
    base = up === -1 ? "" : base.slice(0, up);
  }
}

/**
 * Each installed copy of each native tool in the lock file, with the
 * builds it has for `platform`: for example esbuild 0.28.2 with
 * @esbuild/darwin-arm64, and VitePress's own esbuild 0.21.5 with its own.
 * @param {Lock} lock
 * @param {Platform} platform
 */
export function nativeBuilds(lock, platform) {
  return NATIVE_TOOLS.flatMap((tool) =>
    Object.keys(lock.packages)
      .filter((path) => nameOfPath(path) === tool.name)
      .map((path) => {
        const entry = lock.packages[path];
        const builds = Object.keys(entry.optionalDependencies ?? {})
          .map((dependency) => resolve(lock, path, dependency))
          .filter((found) => found !== undefined)
          .filter((found) => installsOn(lock.packages[found], platform))
          .map((found) => ({
            name: nameOfPath(found),
            version: lock.packages[found].version,
            integrity: lock.packages[found].integrity,
          }));
        return { tool: tool.label, version: entry.version, builds };
      }),
  );
}
