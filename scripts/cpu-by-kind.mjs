#!/usr/bin/env node
// Where a command's CPU goes, by kind of process: Chromium, demo servers,
// Vitest workers, ESLint, the compilers... Linux only (it reads /proc).
//
//   node scripts/cpu-by-kind.mjs npm test
//
// Every 100 ms it reads each process's CPU time (utime + stime in
// /proc/PID/stat) and command line, and keeps the last reading of each;
// at the end it sums them by kind. A process that lives less than one
// sample is missed: the total is printed beside the CPU time the kernel
// counted for the whole tree (getrusage of the children), so the share
// the sampler missed shows.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: node scripts/cpu-by-kind.mjs COMMAND [ARGS...]");
  process.exit(2);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux.
const SAMPLE_MS = 100;

/** The kinds, first match wins; the command line is matched as one string. */
const KINDS = [
  ["chromium", /chromium|chrome_crashpad|headless_shell/],
  ["redis-server", /redis-server/],
  ["nginx", /nginx/],
  ["esbuild", /esbuild/],
  ["turbo", /turbo(\s|$|\/bin)/],
  [
    "tsc (native)",
    /@typescript\/native|typescript-native|\/tsgo\b|native-preview/,
  ],
  ["vitest worker", /vitest\/dist\/workers|vitest\/dist\/chunks|tinypool/],
  ["vitest main", /vitest(\.mjs)? run|vitest\/vitest\.mjs/],
  ["eslint", /eslint/],
  ["prettier", /prettier/],
  ["vitepress", /vitepress/],
  ["dependency-cruiser", /depcruise|dependency-cruiser|check-cycles/],
  ["tsc (js)", /typescript\/bin\/tsc|tsc -p|tsc --noEmit|\/tsc\b/],
  ["verify cli", /verify\/dist\/cli\.js/],
  ["compare cli", /compare\/dist\/cli\.js/],
  ["demo server", /server\.(ts|js)|serve\.ts|dist\/cli\.js|baselines\//],
  ["npm", /npm-cli|\bnpm\b/],
  ["node (other)", /node/],
];

/** pid:starttime -> { cmd, ticks } of the command's own process tree. */
const seen = new Map();
/** The pids of that tree now alive, their keys: a child joins by its parent. */
const ours = new Map();
let root = -1;

function sample() {
  const alive = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: ") S ppid ...".
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      alive.push({ pid: Number(pid), ppid: Number(rest[1]), stat, rest });
    } catch {
      // Gone between the listing and the read.
    }
  }
  // Other work on this machine is not counted: only the command's tree.
  // A process reparented to init (Chromium's zygote) stays counted once seen.
  const keyOf = (p) => `${p.pid}:${p.rest[19]}`;
  for (const [pid, key] of ours)
    if (!alive.some((p) => p.pid === pid && keyOf(p) === key)) ours.delete(pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of alive) {
      if (ours.has(p.pid)) continue;
      if (p.pid === root || ours.has(p.ppid)) {
        ours.set(p.pid, keyOf(p));
        grew = true;
      }
    }
  }
  for (const { pid, stat, rest } of alive) {
    if (!ours.has(pid)) continue;
    try {
      const utime = Number(rest[11]);
      const stime = Number(rest[12]);
      const key = `${pid}:${rest[19]}`;
      let entry = seen.get(key);
      if (!entry) {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8")
          .split("\0")
          .join(" ")
          .trim();
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        entry = { cmd: cmd || comm, ticks: 0 };
        seen.set(key, entry);
      }
      entry.ticks = utime + stime;
    } catch {
      // Gone between the listing and the read.
    }
  }
}

const started = Date.now();
const child = spawn(command[0], command.slice(1), { stdio: "inherit" });
root = child.pid;
const timer = setInterval(sample, SAMPLE_MS);
child.on("exit", (code, signal) => {
  clearInterval(timer);
  sample();
  const byKind = new Map();
  let total = 0;
  for (const entry of seen.values()) {
    const seconds = entry.ticks / TICKS_PER_SECOND;
    if (seconds <= 0) continue;
    const kind =
      KINDS.find(([, pattern]) => pattern.test(entry.cmd))?.[0] ?? "other";
    const row = byKind.get(kind) ?? { seconds: 0, processes: 0 };
    row.seconds += seconds;
    row.processes += 1;
    byKind.set(kind, row);
    total += seconds;
  }
  // The kernel's count for the whole tree: this process's reaped
  // children's CPU (cutime + cstime), descendants included.
  const self = readFileSync("/proc/self/stat", "utf8");
  const own = self.slice(self.lastIndexOf(")") + 2).split(" ");
  const counted = (Number(own[13]) + Number(own[14])) / TICKS_PER_SECOND;
  const wall = (Date.now() - started) / 1000;
  const rows = [...byKind].sort((a, b) => b[1].seconds - a[1].seconds);
  console.log(`\ncpu-by-kind: ${command.join(" ")}`);
  console.log(
    `  wall ${wall.toFixed(1)} s; CPU ${counted.toFixed(1)} s counted by the kernel, ${total.toFixed(1)} s seen by sampling`,
  );
  for (const [kind, row] of rows)
    console.log(
      `  ${kind.padEnd(20)} ${row.seconds.toFixed(1).padStart(7)} CPU-s  ${String(row.processes).padStart(5)} processes`,
    );
  process.exitCode = code ?? (signal ? 1 : 0);
});
