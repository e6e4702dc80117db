#!/usr/bin/env node
// Runs a command N times back to back while a CPU hog keeps every core
// busy, and prints how many runs passed. A loaded machine is a normal
// state for CI and for an attendee's laptop: this is how to check that a
// command does not depend on an idle one.
//
//   node scripts/under-load.mjs --runs 10 -- node packages/compare/dist/cli.js --ci
//   node scripts/under-load.mjs --runs 1 --max-minutes 15 -- npm test
//
// Bounded in time: after --max-minutes the running command is stopped and
// no further run starts. The hog processes stop themselves at that
// deadline too, so they cannot outlive this script even if it is killed
// with SIGKILL; on every other way out (done, failure, Ctrl-C) it stops
// them at once.
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";

const USAGE =
  "usage: node scripts/under-load.mjs [--runs N] [--max-minutes M] [--hogs H] -- command [args...]";

function usage(message) {
  console.error(`under-load: ${message}\n${USAGE}`);
  process.exit(2);
}

const separator = process.argv.indexOf("--");
if (separator === -1 || separator === process.argv.length - 1)
  usage("give the command to run after --");
const command = process.argv.slice(separator + 1);
let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2, separator),
    options: {
      runs: { type: "string", default: "10" },
      "max-minutes": { type: "string", default: "30" },
      hogs: { type: "string", default: String(availableParallelism()) },
    },
  }));
} catch (error) {
  usage(error.message);
}
const runs = Number(values.runs);
const maxMinutes = Number(values["max-minutes"]);
const hogCount = Number(values.hogs);
if (!Number.isInteger(runs) || runs < 1 || runs > 1000)
  usage(`--runs ${values.runs}: use a whole number from 1 to 1000`);
if (!(maxMinutes > 0 && maxMinutes <= 24 * 60))
  usage(`--max-minutes ${values["max-minutes"]}: use minutes from 0.1 to 1440`);
if (!Number.isInteger(hogCount) || hogCount < 0 || hogCount > 256)
  usage(`--hogs ${values.hogs}: use a whole number from 0 to 256`);

const deadline = Date.now() + maxMinutes * 60_000;

// Each hog is a busy loop that ends on its own at the deadline: a safety
// net, not the way hogs are normally stopped.
const hogSource = `const end = ${deadline}; let x = 0; while (Date.now() < end) { for (let i = 0; i < 1e6; i++) x += i; }`;
const hogs = Array.from({ length: hogCount }, () =>
  spawn(process.execPath, ["-e", hogSource], { stdio: "ignore" }),
);

function stopHogs() {
  for (const hog of hogs) if (hog.exitCode === null) hog.kill("SIGKILL");
}

let current;
function stopCurrent(signal = "SIGTERM") {
  // The command runs in its own process group: stop all of it (npm, turbo,
  // vitest, the servers they start), not just the first process.
  if (current && current.exitCode === null && current.signalCode === null) {
    try {
      process.kill(-current.pid, signal);
    } catch {
      // already gone
    }
  }
}

process.on("exit", () => {
  stopCurrent("SIGKILL");
  stopHogs();
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`\nunder-load: ${signal}: stopping the command and the hog`);
    stopCurrent();
    stopHogs();
    process.exit(130);
  });
}

function runOnce() {
  return new Promise((resolve) => {
    const started = Date.now();
    current = spawn(command[0], command.slice(1), {
      stdio: "inherit",
      detached: true,
    });
    const overtime = setTimeout(
      () => {
        console.error("under-load: --max-minutes reached, stopping the run");
        stopCurrent();
        setTimeout(() => stopCurrent("SIGKILL"), 5000).unref();
      },
      Math.max(0, deadline - Date.now()),
    );
    current.on("error", (error) => {
      clearTimeout(overtime);
      resolve({ ok: false, seconds: 0, why: error.message });
    });
    current.on("exit", (code, signal) => {
      clearTimeout(overtime);
      resolve({
        ok: code === 0,
        seconds: (Date.now() - started) / 1000,
        why: signal ? `killed by ${signal}` : `exit code ${code}`,
      });
    });
  });
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
console.error(
  `under-load: ${hogCount} hog(s) on ${availableParallelism()} core(s); ` +
    `${runs} run(s) of: ${command.join(" ")}; at most ${maxMinutes} min`,
);
const results = [];
for (let run = 1; run <= runs && Date.now() < deadline; run++) {
  console.error(`under-load: run ${run}/${runs} starts (load ${load()})`);
  const result = await runOnce();
  results.push(result);
  console.error(
    `under-load: run ${run}/${runs}: ${result.ok ? "pass" : `FAIL (${result.why})`} ` +
      `in ${result.seconds.toFixed(1)} s (load ${load()})`,
  );
}
stopHogs();
const passed = results.filter((result) => result.ok).length;
const slowest = Math.max(0, ...results.map((result) => result.seconds));
console.error(
  `under-load: ${passed}/${runs} passed` +
    (results.length < runs
      ? ` (${runs - results.length} not run: time limit)`
      : "") +
    `; slowest run ${slowest.toFixed(1)} s`,
);
process.exit(passed === runs ? 0 : 1);
