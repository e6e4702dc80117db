// The workshop's ports: free, or held by which process. The OS is asked
// the way it can answer without admin rights: /proc or ss on Linux, lsof
// on macOS, netstat and tasklist on Windows. When it cannot say (another
// user's process...), the holder is "something".
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import { missing, ok } from "./result.mjs";

/** Docs site, ws-demo, socketio-demo. */
export const WORKSHOP_PORTS = [8000, 8001, 8002];
const USED_BY = {
  8000: "the docs site",
  8001: "ws-demo",
  8002: "socketio-demo",
};

/** Whether a server could listen on 127.0.0.1:port now (as the demos do). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function checkPort(port) {
  const role = USED_BY[port] ? ` (${USED_BY[port]})` : "";
  if (await isPortFree(port)) return ok(`port ${port}${role} is free`);
  const holder = portHolder(port);
  const who = holder ? `${holder.name} (pid ${holder.pid})` : "something";
  const stop = holder
    ? `stop it (Ctrl-C in its terminal; or ${process.platform === "win32" ? `taskkill /PID ${holder.pid}` : `kill ${holder.pid}`})`
    : "stop the program that listens on it";
  return missing(
    `port ${port}${role} is in use by ${who}`,
    `${stop}, then run npm run doctor again`,
  );
}

/** Who listens on a TCP port, as far as this OS says: { pid, name } or undefined. */
export function portHolder(port, platform = process.platform) {
  try {
    if (platform === "linux") return fromProc(port) ?? fromSs(port);
    if (platform === "darwin")
      return parseLsof(
        run("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]),
      );
    if (platform === "win32") {
      const pid = parseNetstat(run("netstat", ["-ano"]), port);
      return pid === undefined ? undefined : { pid, name: windowsName(pid) };
    }
  } catch {
    // The tool is missing or refused: the holder stays unknown.
  }
  return undefined;
}

const run = (program, args) =>
  execFileSync(program, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });

/**
 * Linux without a program: /proc/net/tcp{,6} lists listening sockets
 * (state 0A) by local port in hex with their inode; /proc/PID/fd links
 * name the socket's inode. Only our own processes' fds can be read.
 */
function fromProc(port) {
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== "0A") continue;
      if (Number.parseInt(local.split(":")[1], 16) === port)
        inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process
    }
    for (const fd of fds) {
      let target;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
        return { pid: Number(pid), name };
      }
    }
  }
  return undefined;
}

function fromSs(port) {
  return parseSs(run("ss", ["-ltnpH", `sport = :${port}`]), port);
}

/** `LISTEN 0 511 127.0.0.1:8000 0.0.0.0:* users:(("node",pid=1234,fd=22))` */
export function parseSs(output, port) {
  for (const line of output.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (!fields.some((field) => field.endsWith(`:${port}`))) continue;
    const user = /users:\(\("([^"]+)",pid=(\d+)/.exec(line);
    if (user) return { pid: Number(user[2]), name: user[1] };
  }
  return undefined;
}

/** lsof -F pc: `p1234` then `cnode`, one field a line. */
export function parseLsof(output) {
  const pid = /^p(\d+)$/m.exec(output)?.[1];
  const name = /^c(.+)$/m.exec(output)?.[1];
  return pid ? { pid: Number(pid), name: name ?? "something" } : undefined;
}

/** netstat -ano: `  TCP    127.0.0.1:8001   0.0.0.0:0   LISTENING   1234` */
export function parseNetstat(output, port) {
  for (const line of output.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== "TCP" || fields[3] !== "LISTENING") continue;
    if (fields[1]?.endsWith(`:${port}`)) return Number(fields[4]);
  }
  return undefined;
}

/** tasklist /FO CSV: `"node.exe","1234","Console","1","45,000 K"` */
export function parseTasklist(output) {
  return /^"([^"]+)"/m.exec(output)?.[1];
}

function windowsName(pid) {
  try {
    return (
      parseTasklist(
        run("tasklist", ["/FI", `PID eq ${pid}`, "/FO", "CSV", "/NH"]),
      ) ?? "something"
    );
  } catch {
    return "something";
  }
}
