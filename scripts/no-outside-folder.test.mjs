// The repository stands alone: the rooms protocol lives on its own page,
// docs/rooms/protocol.md, and no file points at a `shared/` folder, which
// the repository does not have. A check over every file, so it is a root
// task's test (test:scripts), rerun when any file changes.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..");
// Spelled in two pieces, so that this file does not match itself.
const FORBIDDEN = ["shared" + "/ROOMS.md", "../" + "shared/"];

/** The repository's files as git sees them: tracked, or new and not ignored (no build output). */
function files() {
  return execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  )
    .split("\0")
    .filter((file) => file !== "" && !file.split("/").includes("node_modules"))
    .map((file) => join(repoRoot, file))
    .filter((path) => existsSync(path) && statSync(path).isFile());
}

describe("no shared/ folder", () => {
  it("no file of the repository mentions it: the protocol is docs/rooms/protocol.md", () => {
    const mentions = files().flatMap((path) => {
      const text = readFileSync(path, "utf8");
      return FORBIDDEN.filter((needle) => text.includes(needle)).map(
        (needle) => `${relative(repoRoot, path)}: ${needle}`,
      );
    });
    expect(mentions).toEqual([]);
  });
});
