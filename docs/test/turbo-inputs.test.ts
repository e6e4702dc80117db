// docs/turbo.json names, one by one, the files outside docs/ that the site
// and its tests read, so that a change to any other file of an app reruns
// neither docs#build nor docs#test. This suite keeps that list exact: it
// collects what is read, as written in docs/ (the pages' `<<< @/../`
// imports, the relative imports and `new URL("../…", import.meta.url)` of
// docs' code and tests, and their repository paths: "apps/…",
// "packages/…", "deploy/…", "exercises/…", join(repoRoot, "…")), and holds
// docs/turbo.json to it both ways. The *.demos.test.ts files run as
// test:demos, which does not wait for the site's build: what they read is
// listed in test:demos's inputs instead. Built files (dist/) are not
// inputs: the tasks depend on the builds that write them.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { docsRoot, imports, pages } from "./markdown.js";

const repoRoot = resolve(docsRoot, "..");
const ROOT = "$TURBO_ROOT$/";
type Task = "build" | "test:demos";

/** docs' code: .ts, .mts and .vue files, and the Markdown pages' scripts. */
function codeFiles(dir = docsRoot): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (["node_modules", "reports", "data", "public"].includes(name)) return [];
    if (name.startsWith(".") && name !== ".vitepress") return [];
    if (["cache", "dist"].includes(name) && dir.endsWith(".vitepress"))
      return [];
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.(m?ts|vue|md)$/.test(name) ? [path] : [];
  });
}

/** A file's code: a page's `<script>` blocks (not its fenced examples), any other file whole. */
function codeOf(path: string): string {
  const text = readFileSync(path, "utf8");
  if (!path.endsWith(".md")) return text;
  const prose = text.replace(/^(`{3,}|~{3,})[\s\S]*?^\1\s*$/gm, "");
  return [...prose.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .join("\n");
}

/** Module specifiers of relative imports: `from "./x"`, `import("./x")`, `import "./x"`. */
const relativeImports = (code: string) =>
  [
    ...code.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g),
  ].map((match) => match[1]!);

/** Files read by path: new URL("../x", import.meta.url), "apps/x", join(repoRoot, "x"). */
function pathsRead(code: string, dir: string): string[] {
  const fromHere = [
    ...code.matchAll(
      /new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url/g,
    ),
  ].map((match) => resolve(dir, match[1]!));
  const fromRoot = [
    ...code.matchAll(
      /["'`]((?:apps|packages|deploy|exercises)\/[^"'`$\s]+)["'`]/g,
    ),
    ...code.matchAll(/\bjoin\(\s*repoRoot\s*,\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => resolve(repoRoot, match[1]!));
  return [...fromHere, ...fromRoot];
}

/** An imported module's file: `./x.js` is the source `./x.ts` when only that exists. */
function moduleFile(path: string): string {
  if (existsSync(path)) return path;
  const ts = path.replace(/\.(m?)js$/, ".$1ts");
  return existsSync(ts) ? ts : path;
}

/** Outside docs/, and neither installed (node_modules) nor built (dist). */
const outsideDocs = (path: string) =>
  relative(docsRoot, path).startsWith("..") &&
  !/(^|\/)(node_modules|dist)\//.test(relative(repoRoot, path));

/** Every file outside docs/ that docs/ reads, from the repository root, with its readers. */
function referenced(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (path: string, reader: string) => {
    const file = relative(repoRoot, path);
    if (!found.has(file)) found.set(file, new Set());
    found.get(file)!.add(reader);
  };
  for (const page of pages())
    for (const entry of imports(page))
      if (outsideDocs(resolve(docsRoot, entry.file)))
        add(resolve(docsRoot, entry.file), page);
  // An imported module outside docs/ is read with what it imports in turn.
  const follow = (path: string, reader: string, seen: Set<string>) => {
    if (seen.has(path)) return;
    seen.add(path);
    add(path, reader);
    if (!existsSync(path)) return;
    for (const specifier of relativeImports(readFileSync(path, "utf8")))
      follow(moduleFile(resolve(dirname(path), specifier)), reader, seen);
  };
  for (const path of codeFiles()) {
    const reader = relative(docsRoot, path);
    // This file names paths as examples, and reads only docs/turbo.json.
    if (reader === "test/turbo-inputs.test.ts") continue;
    const code = codeOf(path);
    for (const specifier of relativeImports(code)) {
      const module = moduleFile(resolve(dirname(path), specifier));
      if (outsideDocs(module)) follow(module, reader, new Set());
    }
    for (const read of pathsRead(code, dirname(path)))
      if (
        outsideDocs(read) &&
        !(existsSync(read) && statSync(read).isDirectory())
      )
        add(read, reader);
  }
  return found;
}

/** JSONC as JSON: line and block comments out, strings (URLs too) kept whole. */
function stripComments(jsonc: string): string {
  let out = "";
  for (let i = 0; i < jsonc.length; i++) {
    const char = jsonc[i]!;
    if (char === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const string = end.exec(jsonc)![0];
      out += string;
      i += string.length - 1;
    } else if (jsonc.startsWith("//", i)) {
      while (i < jsonc.length && jsonc[i] !== "\n") i++;
      out += "\n";
    } else if (jsonc.startsWith("/*", i)) {
      const end = jsonc.indexOf("*/", i + 2);
      if (end < 0) break;
      i = end + 1;
    } else {
      out += char;
    }
  }
  return out;
}

const turbo = JSON.parse(
  stripComments(readFileSync(join(docsRoot, "turbo.json"), "utf8")),
) as { tasks: Record<string, { inputs?: string[] }> };

/** A task's inputs outside docs/ (`$TURBO_ROOT$/…`), from the repository root. */
const listed = (task: Task) =>
  (turbo.tasks[task]?.inputs ?? [])
    .filter((input) => input.startsWith(ROOT))
    .map((input) => input.slice(ROOT.length));

/**
 * What test:demos loads of docs/: the *.demos.test.ts files, the Vitest
 * config and its global setup, and the docs modules they import. Every
 * other file of docs/ is the site's or its tests' (docs#test waits for
 * docs#build, so the build's inputs cover them).
 */
function loadedByDemos(): Set<string> {
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path) || !existsSync(path)) return;
    loaded.add(path);
    for (const specifier of relativeImports(codeOf(path))) {
      const module = moduleFile(resolve(dirname(path), specifier));
      if (!relative(docsRoot, module).startsWith("..")) visit(module);
    }
  };
  for (const path of codeFiles())
    if (/\.demos\.test\.ts$/.test(path)) visit(path);
  visit(join(docsRoot, "vitest.config.ts"));
  visit(join(docsRoot, "test/global-chromium.ts"));
  return loaded;
}

const demos = loadedByDemos();
const tasksOf = (reader: string): Task[] => [
  ...(/\.demos\.test\.ts$/.test(reader) ? [] : (["build"] as const)),
  ...(demos.has(join(docsRoot, reader)) ? (["test:demos"] as const) : []),
];

const found = referenced();
const readersIn = (task: Task, file: string) =>
  [...found.get(file)!].filter((reader) => tasksOf(reader).includes(task));
const readBy = (task: Task) =>
  [...found.keys()].filter((file) => readersIn(task, file).length > 0).sort();

describe("docs/turbo.json's inputs outside docs/", () => {
  it("reads its comments out, not the URLs in its strings", () => {
    expect(
      JSON.parse(stripComments('{"a": "https://x/y", // z\n"b": 1}')),
    ).toEqual({ a: "https://x/y", b: 1 });
  });

  it("finds what the pages, data loaders and tests read", () => {
    expect(readBy("build")).toEqual(
      expect.arrayContaining([
        "apps/ws-demo/src/rooms/chat.ts",
        "apps/socketio-demo/src/realtime.ts",
        "packages/rooms/src/limits.ts",
        "packages/compare/src/report/ratios.ts",
        "deploy/nginx/workshop.conf",
      ]),
    );
    expect(readBy("test:demos")).toEqual(
      expect.arrayContaining(["README.md", ".env.example"]),
    );
  });

  it("finds only files that exist", () => {
    const gone = [...found.keys()]
      .filter((file) => !existsSync(join(repoRoot, file)))
      .map(
        (file) =>
          `${file} does not exist: fix the path in ${[...found.get(file)!].join(", ")}`,
      );
    expect(gone).toEqual([]);
  });

  it.each(["build", "test:demos"] as const)(
    "%s lists every file its readers read",
    (task) => {
      const missing = readBy(task)
        .filter((file) => !listed(task).includes(file))
        .map(
          (file) =>
            `add "${ROOT}${file}" to tasks["${task}"].inputs in docs/turbo.json (read by ${readersIn(task, file).join(", ")})`,
        );
      expect(missing).toEqual([]);
    },
  );

  it.each(["build", "test:demos"] as const)(
    "%s lists nothing else: every entry is a file that is read",
    (task) => {
      const stale = listed(task).flatMap((file) => {
        const where = `"${ROOT}${file}" from tasks["${task}"].inputs in docs/turbo.json`;
        if (!existsSync(join(repoRoot, file)))
          return [`remove ${where}: no such file (name files, not globs)`];
        if (!readBy(task).includes(file))
          return [
            `remove ${where}: nothing that ${task} runs reads it (or, if something does, teach test/turbo-inputs.test.ts to see it)`,
          ];
        return [];
      });
      expect(stale).toEqual([]);
    },
  );
});
