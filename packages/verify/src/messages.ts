// Every sentence verify says, once per language: one table in English and
// one in Korean, with the same keys (the Messages type makes the compiler
// hold them to it). The code picks a table and never builds a sentence of
// its own. A sentence with a part that changes is a function of that part,
// so each language can put the part where its grammar wants it. Korean
// uses the terms of docs/ko/glossary.md.
import { clausesInKorean } from "./clauses-ko.js";
import type { Locale } from "./locale.js";

/** What a report shows of a contract clause. */
interface ClauseText {
  readonly id: string;
  readonly name: string;
  readonly expected: string;
}

export interface Messages {
  /** Added before a docs path: the Korean pages live under /ko/. */
  readonly docsPrefix: string;

  // cli.ts
  readonly usage: string;
  badOption(reason: string): string;
  badLang(value: string): string;
  readonly listHeading: string;
  readonly listFooter: string;
  nameOne(names: string): string;
  noSuchExercise(name: string, names: string): string;
  watching(dir: string): string;
  ownError(detail: string): string;

  // verify.ts
  notAnExerciseFolder(folder: string): string;
  heading(name: string, title: string): string;
  checking(folder: string, clauses: number, editPath: string): string;

  // report.ts: a clause's name and what it expects
  clauseName(clause: ClauseText): string;
  clauseExpected(clause: ClauseText): string;
  // report.ts: the labels of a line, padded so that what follows lines up
  readonly passLabel: string;
  readonly failLabel: string;
  readonly warnLabel: string;
  readonly expectedLabel: string;
  readonly happenedLabel: string;
  readonly whyLabel: string;
  readonly readLabel: string;
  readonly itFailed: string;
  section(section: string, url: string): string;
  readonly compileFailed: string;
  moreLines(count: number): string;
  fixCompile(editPath: string): string;
  readonly startFailed: string;
  runAlone(serverPath: string): string;
  readonly crashed: string;
  readonly crashSkipped: string;
  allPass(name: string, total: number): string;
  nextExercise(next: string): string;
  readonly lastExercise: string;
  somePass(name: string, passed: number, total: number): string;
  /** The command that checks the same folder again, in the same language. */
  again(name: string, solution: boolean): string;
  fixFirst(
    editPath: string,
    again: string,
    name: string,
    stepUrl: string,
  ): string;

  // run.ts
  readonly stepStartServer: string;
  stepServerReady(port: number, checks: number): string;
  readonly stepCompilePage: string;
  stepOpenPage(port: number): string;
  readonly serverStoppedInCheck: string;
  notRun(needed: string): string;
  nothingCame(seconds: number): string;
  noChromium(path: string): string;
  referenceDidNotStart(reason: string): string;

  // style.ts
  readonly globalEventWarning: string;
}

const en: Messages = {
  docsPrefix: "",

  usage: `usage: npm run verify <exercise>             checks your start/
       npm run verify:solution <exercise>    checks the solution/
       npm run verify:watch <exercise>       checks again on every save
       npm run verify:list                   lists the exercises
       npm run verify:ko <exercise>          checks your start/, in Korean
  or, after a build, in any shell: node packages/verify/dist/cli.js <exercise> [options]
  <exercise>   an exercise folder's name, e.g. ws-server-push
  --list       lists the exercises, in workshop order
  --solution   checks the exercise's solution/ instead of your start/
  --watch      checks again each time you save a file of the exercise
  --dir <path> checks that folder instead (a copy of start/ or solution/)
  --lang <en|ko> answers in English or Korean (by default, in your locale's)`,
  badOption: (reason) => `verify: ${reason}`,
  badLang: (value) =>
    `verify: --lang takes en (English) or ko (Korean), not "${value}".`,
  listHeading: "The exercises, in workshop order:",
  listFooter:
    "Start one with: npm run verify <name>. Each has start/ (yours to edit) and solution/.",
  nameOne: (names) => `verify: name one exercise. The exercises: ${names}`,
  noSuchExercise: (name, names) =>
    `verify: there is no exercise "${name}". The exercises: ${names} (npm run verify:list).`,
  watching: (dir) => `watching ${dir} for changes; Ctrl-C to stop`,
  ownError: (detail) =>
    `verify stopped on an error of its own, not of your code: ${detail}`,

  notAnExerciseFolder: (folder) =>
    `verify: ${folder} is not an exercise folder (it has no tsconfig.json). Check the path, or run npm run verify:list.`,
  heading: (name, title) => `verify ${name}: ${title}`,
  checking: (folder, clauses, editPath) =>
    `checking ${folder}/ against ${clauses} clauses of the contract; the file to edit is ${editPath}`,

  clauseName: (clause) => clause.name,
  clauseExpected: (clause) => clause.expected,
  passLabel: "pass",
  failLabel: "FAIL",
  warnLabel: "warn",
  expectedLabel: "expected: ",
  happenedLabel: "happened: ",
  whyLabel: "why:      ",
  readLabel: "read:     ",
  itFailed: "it failed",
  section: (section, url) => `${section}, ${url}`,
  compileFailed: "your code does not compile; tsc says:",
  moreLines: (count) => `(${count} more lines)`,
  fixCompile: (editPath) =>
    `Fix these in ${editPath} (the line and column are in brackets); no check runs until it compiles.`,
  startFailed: "your server did not start; its first lines:",
  runAlone: (serverPath) =>
    `The stack's first "at" line inside exercises/ is where it failed; run it alone to see all: npx tsx ${serverPath}`,
  crashed: "your server stopped during the checks; its last lines:",
  crashSkipped: "The checks after this one did not run.",
  allPass: (name, total) => `${name}: all ${total} checks pass.`,
  nextExercise: (next) =>
    `Next: the exercise ${next} (npm run verify ${next}).`,
  lastExercise: "That was the last exercise: well done.",
  somePass: (name, passed, total) =>
    `${name}: ${passed} of ${total} checks pass.`,
  // Named scripts, no `--`: PowerShell's npm shim drops it, and npm then
  // takes --solution or --watch for its own settings.
  again: (name, solution) =>
    `npm run verify${solution ? ":solution" : ""} ${name}`,
  fixFirst: (editPath, again, name, stepUrl) =>
    `Next: fix the first failure in ${editPath}, then run ${again} again (npm run verify:watch ${name} reruns it on every save). The step is explained at ${stepUrl}`,

  stepStartServer:
    "type-checking and starting your server (tsc, node --import tsx server.ts)",
  stepServerReady: (port, checks) =>
    `your server is ready on port ${port}; running ${checks} checks`,
  stepCompilePage:
    "compiling your page code (tsc) and starting the reference server",
  stepOpenPage: (port) =>
    `opening the page in Chromium, served by the reference server on port ${port}, with your code`,
  serverStoppedInCheck:
    "your server stopped while this check ran (its last lines are below).",
  notRun: (needed) => `not run: it needs "${needed}" to pass first.`,
  nothingCame: (seconds) =>
    `nothing came within ${seconds} s: the test client was still waiting (for a welcome, a message or an answer).`,
  noChromium: (path) =>
    `Chromium is not at ${path}, and page exercises run in it. Install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to its path.`,
  referenceDidNotStart: (reason) =>
    `The reference server did not start: ${reason}. Build the demos first: npm run build.`,

  globalEventWarning:
    "this handler names no parameter and reads `event`, the global window.event. Browsers still set it, so the page works; it is deprecated and hides where the event comes from. Take the event as the handler's parameter: (event) => event.data. A warning about style, not a failure.",
};

// Hangul takes two columns in a terminal: the labels are padded to the
// width of the widest, 기대한 동작 (12 columns), as the English ones are.
const ko: Messages = {
  docsPrefix: "/ko",

  usage: `사용법: npm run verify:ko <exercise>          start/를 한국어로 검사합니다
        npm run verify <exercise>             start/를 검사합니다(한국어 로캘이면 한국어로)
        npm run verify:solution <exercise>    solution/을 검사합니다
        npm run verify:watch <exercise>       저장할 때마다 다시 검사합니다
        npm run verify:list                   연습 문제 목록을 보여 줍니다
  빌드한 뒤에는 어느 셸에서나: node packages/verify/dist/cli.js <exercise> [옵션]
  <exercise>   연습 문제 폴더의 이름, 예: ws-server-push
  --list       연습 문제를 실습 순서대로 보여 줍니다
  --solution   start/ 대신 연습 문제의 solution/을 검사합니다
  --watch      연습 문제의 파일을 저장할 때마다 다시 검사합니다
  --dir <path> 그 폴더를 대신 검사합니다(start/나 solution/의 복사본)
  --lang <en|ko> 영어나 한국어로 답합니다(기본값은 로캘의 언어)`,
  badOption: (reason) => `verify: 옵션이 잘못되었습니다: ${reason}`,
  badLang: (value) =>
    `verify: --lang에는 en(영어)이나 ko(한국어)를 씁니다(받은 값: "${value}").`,
  listHeading: "연습 문제, 실습 순서대로:",
  listFooter:
    "시작하려면: npm run verify <name>. 연습 문제마다 start/(직접 고칠 곳)와 solution/이 있습니다.",
  nameOne: (names) =>
    `verify: 연습 문제를 하나 지정하세요. 연습 문제: ${names}`,
  noSuchExercise: (name, names) =>
    `verify: 그런 연습 문제는 없습니다: "${name}". 연습 문제: ${names} (npm run verify:list).`,
  watching: (dir) => `${dir}의 변경을 지켜보는 중입니다. 멈추려면 Ctrl-C`,
  ownError: (detail) =>
    `verify가 여러분의 코드가 아니라 자기 오류로 멈췄습니다: ${detail}`,

  notAnExerciseFolder: (folder) =>
    `verify: 연습 문제 폴더가 아닙니다(tsconfig.json이 없습니다): ${folder}. 경로를 확인하거나 npm run verify:list를 실행하세요.`,
  heading: (name, title) => `verify ${name}: ${title}`,
  checking: (folder, clauses, editPath) =>
    `검사할 폴더: ${folder}/, 계약 테스트의 검사 ${clauses}개. 고칠 파일: ${editPath}`,

  // A clause no exercise runs yet has no Korean: its English is shown.
  clauseName: (clause) => clausesInKorean[clause.id]?.name ?? clause.name,
  clauseExpected: (clause) =>
    clausesInKorean[clause.id]?.expected ?? clause.expected,
  passLabel: "통과",
  failLabel: "실패",
  warnLabel: "경고",
  expectedLabel: "기대한 동작: ",
  happenedLabel: "실제 결과:   ",
  whyLabel: "원인:        ",
  readLabel: "읽을 곳:     ",
  itFailed: "실패했습니다",
  section: (section, url) => `${section}, ${url}`,
  compileFailed: "코드가 컴파일되지 않습니다. tsc의 메시지:",
  moreLines: (count) => `(${count}줄 더 있음)`,
  fixCompile: (editPath) =>
    `${editPath}에서 이것들을 고치세요(괄호 안이 줄과 열입니다). 컴파일될 때까지 검사는 하나도 실행되지 않습니다.`,
  startFailed: "서버가 시작되지 않았습니다. 처음 몇 줄:",
  runAlone: (serverPath) =>
    `스택에서 exercises/ 안을 가리키는 첫 "at" 줄이 실패한 곳입니다. 전부 보려면 따로 실행하세요: npx tsx ${serverPath}`,
  crashed: "검사하는 동안 서버가 멈췄습니다. 마지막 몇 줄:",
  crashSkipped: "이 검사 뒤의 검사들은 실행되지 않았습니다.",
  allPass: (name, total) => `${name}: 검사 ${total}개가 모두 통과합니다.`,
  nextExercise: (next) =>
    `다음: 연습 문제 ${next} (npm run verify:ko ${next}).`,
  lastExercise: "마지막 연습 문제였습니다. 수고하셨습니다.",
  somePass: (name, passed, total) =>
    `${name}: 검사 ${total}개 중 ${passed}개가 통과합니다.`,
  // verify:ko answers in Korean in any locale; the solution's script
  // follows the locale (npm run verify:solution has no Korean twin).
  again: (name, solution) =>
    `npm run ${solution ? "verify:solution" : "verify:ko"} ${name}`,
  fixFirst: (editPath, again, name, stepUrl) =>
    `다음: ${editPath}에서 첫 번째 실패를 고친 뒤 다시 실행하세요: ${again} (저장할 때마다 다시 실행하려면 npm run verify:watch ${name}). 이 단계의 설명: ${stepUrl}`,

  stepStartServer:
    "타입 검사를 하고 서버를 시작하는 중입니다(tsc, node --import tsx server.ts)",
  stepServerReady: (port, checks) =>
    `서버가 포트 ${port}에서 준비되었습니다. 검사 ${checks}개를 실행합니다`,
  stepCompilePage:
    "페이지 코드를 컴파일하고(tsc) 기준 서버를 시작하는 중입니다",
  stepOpenPage: (port) =>
    `포트 ${port}의 기준 서버가 제공하는 페이지를 여러분의 코드로 Chromium에서 여는 중입니다`,
  serverStoppedInCheck:
    "이 검사를 실행하는 동안 서버가 멈췄습니다(마지막 몇 줄은 아래에 있습니다).",
  notRun: (needed) =>
    `실행하지 않음: 먼저 통과해야 하는 검사가 실패했습니다: "${needed}".`,
  nothingCame: (seconds) =>
    `${seconds}초 안에 아무것도 오지 않았습니다. 테스트 클라이언트는 아직 기다리는 중이었습니다(환영 메시지, 메시지, 또는 답을).`,
  noChromium: (path) =>
    `${path}에 Chromium이 없습니다. 페이지 연습 문제는 Chromium에서 실행됩니다. 설치하거나(Debian/Ubuntu: sudo apt-get install chromium, macOS: brew install --cask chromium) CHROMIUM_PATH에 그 경로를 지정하세요.`,
  referenceDidNotStart: (reason) =>
    `기준 서버가 시작되지 않았습니다: ${reason}. 먼저 데모를 빌드하세요: npm run build.`,

  globalEventWarning:
    "이 핸들러는 매개변수 없이 `event`, 즉 전역 window.event를 읽습니다. 브라우저가 아직 이 값을 채워 주므로 페이지는 동작하지만, 지원 중단(deprecated)된 기능이고 이벤트가 어디서 오는지 숨깁니다. 이벤트를 핸들러의 매개변수로 받으세요: (event) => event.data. 실패가 아니라 코드 스타일에 대한 경고입니다.",
};

export const messages: Readonly<Record<Locale, Messages>> = { en, ko };
