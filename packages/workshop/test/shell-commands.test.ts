// Every command an attendee is given must work in bash, zsh, PowerShell
// and cmd. Two forms do not:
//
// - `NAME=value command` sets a variable in POSIX shells only; PowerShell
//   and cmd try to run a program called `NAME=value`. The workshop's
//   variants are named scripts instead (npm run ws:note-bugs), and any
//   other setting goes in the root .env file.
// - `npm run x -- --flag`: PowerShell's npm shim drops the `--` in many
//   npm versions (npm/cli#4903, #3136), and npm then reads `--flag` as a
//   setting of its own. A name after `--` survives (npm passes positional
//   arguments on without it), a flag does not: named scripts again
//   (npm run verify:solution ws-server-push), or the tool's own
//   `node .../cli.js --flag`.
//
// Read here: the scripts of every package.json, the sh/powershell blocks
// of the docs (both locales) and READMEs, and inline `code` in their
// prose that starts like a command.
//
// Exceptions, on purpose: none in what attendees read. Scripts run by npm
// itself (package.json) go through sh or cmd, never PowerShell, so
// `npm run x -- --flag` inside a script would work; the test holds them to
// the same rule anyway, so that a script can be copied to a terminal.
// Not checked: the `clean` scripts' `rm -rf` (a POSIX program, not shell
// syntax; maintainers only, never in the workshop), and .ci/run, which
// runs on Linux CI alone.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** `NAME=value command`: an assignment in front of a command. */
const POSIX_ASSIGNMENT =
  /(?:^|&&|\|\||;|\$\(|`)\s*[A-Za-z_][A-Za-z0-9_]*=\S*\s+(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*[a-z./]/;
/** `npm run x -- --flag` (also `npm run x -- name --flag`). */
const FLAG_AFTER_DASHES = /\bnpm (?:run|run-script) \S+ -- (?:\S+ )*?-{1,2}\w/;

/** Why a command line does not work in every shell, or undefined. */
function problemOf(command: string): string | undefined {
  if (POSIX_ASSIGNMENT.test(command)) {
    return "sets a variable in front of the command (POSIX shells only): use a named script or the .env file";
  }
  if (FLAG_AFTER_DASHES.test(command)) {
    return "passes a flag after `--` (PowerShell's npm shim drops the `--`): use a named script or node <tool>/cli.js --flag";
  }
  return undefined;
}

/** Every package.json of the repository: the root and each workspace. */
function packageJsons(): string[] {
  const root = JSON.parse(
    readFileSync(join(repoRoot, "package.json"), "utf8"),
  ) as { workspaces: string[] };
  const folders = root.workspaces.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(repoRoot, pattern.slice(0, -2))).map((name) =>
          join(pattern.slice(0, -2), name),
        )
      : [pattern],
  );
  return [
    "package.json",
    ...folders
      .map((folder) => join(folder, "package.json"))
      .filter((path) => {
        try {
          return statSync(join(repoRoot, path)).isFile();
        } catch {
          return false;
        }
      }),
  ];
}

/** The Markdown an attendee reads: the docs site and the READMEs. */
function markdownFiles(dir = "docs"): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".") || name === "node_modules") return [];
    if (statSync(join(repoRoot, path)).isDirectory())
      return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

const SHELL_LANGUAGES = /^(?:sh|bash|shell|console|powershell|ps1|pwsh|cmd)$/;

/** Command lines of a Markdown file: shell blocks, and command-like inline code. */
function commandsOf(markdown: string): string[] {
  const commands: string[] = [];
  const prose = markdown.replace(
    /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm,
    (_block, language: string, body: string) => {
      if (SHELL_LANGUAGES.test(language)) {
        for (const line of body.split("\n")) {
          const command = line.replace(/\s+#.*$/, "").trim();
          if (command !== "" && !command.startsWith("#"))
            commands.push(command);
        }
      }
      return "";
    },
  );
  for (const match of prose.matchAll(/`([^`\n]+)`/g)) {
    const code = match[1]!;
    if (/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:npm|npx|node)\s/.test(code)) {
      commands.push(code);
    }
  }
  return commands;
}

describe("commands that work in every shell", () => {
  it.each(packageJsons())("%s: every script", (path) => {
    const { scripts = {} } = JSON.parse(
      readFileSync(join(repoRoot, path), "utf8"),
    ) as { scripts?: Record<string, string> };
    const problems = Object.entries(scripts).flatMap(([name, command]) => {
      const problem = problemOf(command);
      return problem ? [`"${name}": ${command}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  const pages = [
    "README.md",
    "exercises/README.md",
    ...markdownFiles().filter((path) => !path.includes("node_modules")),
  ];
  it("reads the docs of both locales", () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        join("docs", "instructors.md"),
        join("docs", "ko", "instructors.md"),
      ]),
    );
  });

  it.each(pages)("%s: every command", (path) => {
    const markdown = readFileSync(join(repoRoot, path), "utf8");
    const problems = commandsOf(markdown).flatMap((command) => {
      const problem = problemOf(command);
      return problem ? [`${command}: ${problem}`] : [];
    });
    expect(
      problems,
      `${relative(repoRoot, join(repoRoot, path))}: commands that fail in PowerShell or cmd`,
    ).toEqual([]);
  });
});

describe("the rule itself", () => {
  it.each([
    "NOTE_BUGS=1 npm run ws",
    "REDIS_URL=redis://127.0.0.1:6379 PORT=8011 npm run ws",
    "cd x && HOST=0.0.0.0 node dist/server.js",
    "npm run verify -- --list",
    "npm run verify -- ws-server-push --solution",
    "npm run compare -- --ci",
  ])("refuses %s", (command) => {
    expect(problemOf(command)).toBeDefined();
  });

  it.each([
    "npm run ws:note-bugs",
    "npm run verify -- ws-server-push",
    "npm run verify:solution ws-server-push",
    "node packages/compare/dist/cli.js --clients 10000",
    "npx vitepress dev docs --host 127.0.0.1 --port 8010",
    "turbo run build --filter=@repo/verify... && node packages/verify/dist/cli.js --list",
    'export CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"',
    '$env:CHROMIUM_PATH = "C:\\Program Files\\Chromium\\chrome.exe"',
  ])("allows %s", (command) => {
    expect(problemOf(command)).toBeUndefined();
  });
});
