// Whether an npm cache holds a package's tarball. npm keeps tarballs in
// `<cache>/_cacache`, a content-addressed store (the cacache library):
// each file is named after its own hash, the one the lock file records as
// `integrity`. `npm ci --offline` looks tarballs up by that hash, so a file
// whose name and content both match the lock file is exactly what it needs.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The file cacache stores content of this integrity ("sha512-<base64>") in. */
export function contentPath(cacheDir, integrity) {
  const [algorithm, base64] = integrity.split(/-(.*)/s);
  const hex = Buffer.from(base64, "base64").toString("hex");
  return join(
    cacheDir,
    "_cacache",
    "content-v2",
    algorithm,
    hex.slice(0, 2),
    hex.slice(2, 4),
    hex.slice(4),
  );
}

/** Whether the cache holds these bytes, checked against their hash. */
export function holds(cacheDir, integrity) {
  const path = contentPath(cacheDir, integrity);
  if (!existsSync(path)) return false;
  const [algorithm, base64] = integrity.split(/-(.*)/s);
  const actual = createHash(algorithm)
    .update(readFileSync(path))
    .digest("base64");
  return actual === base64;
}
