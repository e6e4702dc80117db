// verify in Korean: the two tables of sentences have the same keys, the
// language is chosen as documented (--lang, then LC_ALL, LC_MESSAGES,
// LANG, then the system's locale), and a report of a fixed result reads
// in Korean with links to the /ko/ pages. No exercise is run: the report
// is built from a result made here, so this stays fast.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  pageClauses,
  roomsClauses,
  transportClauses,
} from "@repo/contract/clauses";
import { clausesInKorean } from "../src/clauses-ko.js";
import { loadExercises } from "../src/exercises.js";
import { localeOfEnvironment } from "../src/locale.js";
import { messages } from "../src/messages.js";
import { formatResult, formatStop, formatSummary } from "../src/report.js";
import type { CheckResult } from "../src/run.js";

const HANGUL = /[\uac00-\ud7af]/;
const cli = new URL("../dist/cli.js", import.meta.url).pathname;

describe("the tables of sentences", () => {
  it("have the same keys in English and Korean", () => {
    expect(Object.keys(messages.ko).sort()).toEqual(
      Object.keys(messages.en).sort(),
    );
  });

  it("say every sentence in Korean in the Korean table", () => {
    for (const [key, value] of Object.entries(messages.ko)) {
      // These only arrange their parts (a path, a name, a command).
      if (["docsPrefix", "heading", "section", "again"].includes(key)) continue;
      // Every function is given parts of every kind it may take: a clause
      // (one that has Korean), a word, a number.
      const clause = { id: "welcome", name: "x", expected: "y" };
      const sentence: string =
        typeof value === "function"
          ? key.startsWith("clause")
            ? (value as (part: typeof clause) => string)(clause)
            : (value as (...parts: unknown[]) => string)("x", 1, "y", "z")
          : (value as string);
      expect(sentence, key).toMatch(HANGUL);
    }
  });
});

describe("the clauses in Korean", () => {
  const named = new Set(
    loadExercises().flatMap((e) => e.checks.map((c) => c.clause)),
  );
  const ids = new Set(
    [...transportClauses, ...pageClauses, ...roomsClauses].map((c) => c.id),
  );

  it("name and explain every clause an exercise runs", () => {
    for (const id of named) {
      expect(clausesInKorean[id]?.name, id).toMatch(HANGUL);
      expect(clausesInKorean[id]?.expected, id).toMatch(HANGUL);
    }
  });

  it("are clauses the contract has", () => {
    for (const id of Object.keys(clausesInKorean)) expect(ids).toContain(id);
  });
});

describe("the language verify answers in", () => {
  const english = () => "en-US";
  it.each([
    [{ LANG: "ko_KR.UTF-8" }, "ko"],
    [{ LC_MESSAGES: "ko_KR.UTF-8", LANG: "en_US.UTF-8" }, "ko"],
    [{ LC_ALL: "C", LANG: "ko_KR.UTF-8" }, "en"],
    [{ LC_ALL: "ko_KR.UTF-8", LANG: "en_US.UTF-8" }, "ko"],
    [{ LANG: "en_GB.UTF-8" }, "en"],
    [{ LANG: "kok_IN" }, "en"], // Konkani, not Korean
    [{}, "en"],
  ])("%o gives %s", (env, locale) => {
    expect(localeOfEnvironment(env, english)).toBe(locale);
  });

  it("is the system's locale when no variable is set (Windows)", () => {
    expect(localeOfEnvironment({}, () => "ko-KR")).toBe("ko");
    expect(localeOfEnvironment({ LANG: "" }, () => "ko-KR")).toBe("ko");
  });
});

describe("a report of a fixed result", () => {
  const exercise = loadExercises().find((e) => e.name === "ws-server-push")!;
  const check = exercise.checks.find((c) => c.clause === "ip-spoofed")!;
  const failure: CheckResult = {
    check,
    clause: {
      id: check.clause,
      name: "ignores X-Forwarded-For from a peer that is not a trusted proxy",
      expected: "a client cannot choose its IP",
      run: () => Promise.resolve(),
    },
    ok: false,
    happened: "the IP in the welcome:\nexpected '203.0.113.66'",
  };
  const editPath = "exercises/ws-server-push/start/push.ts";
  const report = (locale: "en" | "ko") => [
    ...formatResult(failure, locale),
    ...formatStop({ kind: "crash", lines: ["Error: x"] }, editPath, locale),
    ...formatSummary(exercise, { results: [failure] }, editPath, false, locale),
  ];

  it("is in Korean, with the Korean hint and section, linking /ko/ pages", () => {
    const lines = report("ko");
    expect(lines[0]).toBe(`  실패  ${clausesInKorean["ip-spoofed"]!.name}`);
    expect(lines[1]).toBe(
      `      기대한 동작: ${clausesInKorean["ip-spoofed"]!.expected}`,
    );
    expect(lines).toContain(`      원인:        ${check.ko.hint}`);
    expect(lines).toContain(
      `      읽을 곳:     ${check.ko.section}, http://127.0.0.1:8000/ko/pitfalls#trusting-x-forwarded-for-from-anyone`,
    );
    // The second line of what happened lines up under the first.
    expect(lines).toContain(`      실제 결과:   the IP in the welcome:`);
    expect(lines).toContain(`                   expected '203.0.113.66'`);
    expect(lines.at(-2)).toBe("ws-server-push: 검사 8개 중 0개가 통과합니다.");
    expect(lines.at(-1)).toContain("npm run verify:ko ws-server-push");
    expect(lines.at(-1)).toMatch(
      /http:\/\/127\.0\.0\.1:8000\/ko\/ws\/#_3-who-is-this-client$/,
    );
    const links = lines.join("\n").match(/http:\/\/\S+/g)!;
    expect(links.every((link) => link.includes(":8000/ko/"))).toBe(true);
  });

  it("is in English otherwise, linking the English pages", () => {
    const text = report("en").join("\n");
    expect(text).not.toMatch(HANGUL);
    expect(text).not.toContain("/ko/");
    expect(text).toContain(
      `read:     ${check.section}, http://127.0.0.1:8000/pitfalls#trusting-x-forwarded-for-from-anyone`,
    );
  });
});

describe("the command line", () => {
  /** The built CLI's --list, with `env` over a locale-free environment. */
  function list(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [cli, "--list", ...args],
        {
          env: {
            PATH: process.env.PATH,
            LC_ALL: "",
            LC_MESSAGES: "",
            LANG: "",
            ...env,
          },
        },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(stdout),
      );
    });
  }

  it("answers in Korean with LANG=ko_KR.UTF-8, or with --lang ko", async () => {
    for (const out of await Promise.all([
      list({ LANG: "ko_KR.UTF-8" }),
      list({ LANG: "en_US.UTF-8" }, "--lang", "ko"),
    ])) {
      expect(out).toMatch(/^연습 문제, 실습 순서대로:\n/);
      expect(out).toContain("ws-server-push           ws, 3–6단계");
    }
  });

  it("answers in English with --lang en, whatever the locale", async () => {
    const out = await list({ LANG: "ko_KR.UTF-8" }, "--lang", "en");
    expect(out).toMatch(/^The exercises, in workshop order:\n/);
    expect(out).not.toMatch(HANGUL);
  });
});
