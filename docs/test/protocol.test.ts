// The rooms protocol page: its limits are the ones the apps enforce (read
// from LIMITS, each with its words in both locales), and it is the one
// place the protocol lives: no file of the repository points at a
// `shared/` folder, which the repository does not have.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LIMITS } from "@repo/rooms";
import { describe, expect, it } from "vitest";
import { LIMIT_WORDS, type LimitName } from "../rooms/limits-words.js";
import { docsRoot, imports } from "./markdown.js";

const repoRoot = join(docsRoot, "..");
const names = Object.keys(LIMITS) as LimitName[];

describe("the rooms protocol's limits", () => {
  it.each(["en", "ko"] as const)(
    "every limit has its words in %s",
    (locale) => {
      expect(
        names.filter((name) => !LIMIT_WORDS[locale][name]),
        `add these to LIMIT_WORDS.${locale} in docs/rooms/limits-words.ts`,
      ).toEqual([]);
    },
  );

  it.each(["rooms/protocol.md", "ko/rooms/protocol.md"])(
    "%s imports the schema from packages/rooms",
    (page) => {
      expect(
        imports(page).map((entry) => `${entry.file}#${entry.region ?? ""}`),
      ).toContain("../packages/rooms/src/schema.ts#schema");
    },
  );

  it.each(["rooms/protocol.html", "ko/rooms/protocol.html"])(
    "the built %s shows each limit's value from LIMITS",
    (file) => {
      const built = join(docsRoot, ".vitepress/dist", file);
      if (!existsSync(built)) return;
      const html = readFileSync(built, "utf8");
      const shown = Object.fromEntries(
        [
          ...html.matchAll(
            /data-limit="(\w+)">[\s\S]*?<td data-value[^>]*>([^<]*)<\/td>/g,
          ),
        ].map((match) => [match[1]!, Number(match[2]!.trim().split(" ")[0])]),
      );
      expect(shown).toEqual(LIMITS);
    },
  );
});

// Spelled in two pieces, so that this file does not match itself.
const FORBIDDEN = ["shared" + "/ROOMS.md", "../" + "shared/"];

/** The repository's files as git sees them: tracked, or new and not ignored (no build output). */
function files(): string[] {
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
