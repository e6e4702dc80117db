// The rooms protocol page: its limits are the ones the apps enforce (read
// from LIMITS, each with its words in both locales). That it is the one
// place the protocol lives, with no file pointing elsewhere, is checked
// over the whole repository by scripts/no-outside-folder.test.mjs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LIMITS } from "@repo/rooms";
import { describe, expect, it } from "vitest";
import { LIMIT_WORDS, type LimitName } from "../rooms/limits-words.js";
import { docsRoot, imports } from "./markdown.js";

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
