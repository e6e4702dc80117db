// npm run doctor, run as an attendee runs it, on ports of the test's own
// (never 8000-8002, which other programs on the machine may hold), and
// its checks one by one on made-up machines.
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type AddressInfo, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBrowser, setChromiumPath } from "../src/doctor/browser.mjs";
import { checkInstall } from "../src/doctor/install.mjs";
import {
  parseLsof,
  parseNetstat,
  parseSs,
  parseTasklist,
  portHolder,
} from "../src/doctor/ports.mjs";
import { checkNode, checkNpm, satisfies } from "../src/doctor/versions.mjs";

const doctor = fileURLToPath(new URL("../src/doctor.mjs", import.meta.url));

function runDoctor(ports: number[]) {
  return spawnSync(process.execPath, [doctor, "--ports", ports.join(",")], {
    encoding: "utf8",
    timeout: 30_000,
  });
}

async function listenOnLoopback(): Promise<Server> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

describe("npm run doctor", () => {
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    taken = await listenOnLoopback();
    takenPort = (taken.address() as AddressInfo).port;
  });
  afterAll(() => taken.close());

  it("names the process that holds a port, says what to do, and exits 1", () => {
    const result = runDoctor([takenPort]);
    expect(result.status).toBe(1);
    const line = result.stdout
      .split("\n")
      .find((text) => text.includes(`port ${takenPort}`));
    // This test process holds it; Linux always says so through /proc
    // (its name is however Node was started: node, nodejs...).
    const holder =
      process.platform === "linux"
        ? `\\S+ \\(pid ${process.pid}\\)`
        : /(\S+ \(pid \d+\)|something)/.source;
    expect(line).toMatch(
      new RegExp(
        `^MISSING +port ${takenPort} is in use by ${holder} -> .*run npm run doctor again$`,
      ),
    );
    expect(result.stdout).toMatch(
      /doctor: \d+ required checks? failed; fix (it|them) as the line says/,
    );
  });

  it("prints one line per check: Node, npm, the install, each port, a browser, Redis", async () => {
    const free = await listenOnLoopback();
    const freePort = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const lines = runDoctor([freePort]).stdout.trim().split("\n");
    expect(lines.slice(0, -1).map((line) => line.split(/ +/)[1])).toEqual([
      "Node",
      "npm",
      "install",
      "port",
      expect.stringMatching(/^(browser|CHROMIUM_PATH|no)$/),
      expect.stringMatching(/^(redis-server|no)$/),
    ]);
    expect(lines).toContain(`ok       port ${freePort} is free`);
    expect(lines.at(-1)).toMatch(/^doctor: /);
  });

  it("explains a bad --ports", () => {
    const result = spawnSync(process.execPath, [doctor, "--ports", "x"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--ports x: give port numbers");
  });

  it.runIf(process.platform === "linux")(
    "finds the holder through /proc",
    () => {
      expect(portHolder(takenPort)?.pid).toBe(process.pid);
    },
  );
});

describe("what each OS says of a port", () => {
  it("reads ss -ltnp (Linux)", () => {
    const output =
      'LISTEN 0      511        127.0.0.1:8001      0.0.0.0:*    users:(("node",pid=4242,fd=21))\n';
    expect(parseSs(output, 8001)).toEqual({ pid: 4242, name: "node" });
    expect(parseSs(output, 8000)).toBeUndefined();
  });

  it("reads lsof -Fpc (macOS)", () => {
    expect(parseLsof("p4242\ncnode\n")).toEqual({ pid: 4242, name: "node" });
    expect(parseLsof("")).toBeUndefined();
  });

  it("reads netstat -ano and tasklist (Windows)", () => {
    const netstat = [
      "  Proto  Local Address          Foreign Address        State           PID",
      "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1000",
      "  TCP    127.0.0.1:8002         0.0.0.0:0              LISTENING       4242",
      "  TCP    127.0.0.1:8002         127.0.0.1:50000        ESTABLISHED     4242",
    ].join("\r\n");
    expect(parseNetstat(netstat, 8002)).toBe(4242);
    expect(parseNetstat(netstat, 8000)).toBeUndefined();
    expect(parseTasklist('"node.exe","4242","Console","1","45,000 K"')).toBe(
      "node.exe",
    );
  });
});

describe("the install", () => {
  /** A repository with a lock file naming one package, and maybe node_modules. */
  function repository(installed?: { version: string; onDisk: boolean }) {
    const root = mkdtempSync(join(tmpdir(), "doctor-install-"));
    const lock = {
      packages: {
        "": {},
        "node_modules/ws": { version: "8.23.0" },
        "node_modules/@esbuild/win32-x64": {
          version: "0.25.0",
          optional: true,
        },
      },
    };
    writeFileSync(join(root, "package-lock.json"), JSON.stringify(lock));
    if (installed) {
      mkdirSync(join(root, "node_modules", "ws"), { recursive: true });
      const record = {
        packages: { "node_modules/ws": { version: installed.version } },
      };
      writeFileSync(
        join(root, "node_modules", ".package-lock.json"),
        JSON.stringify(record),
      );
      if (installed.onDisk) {
        writeFileSync(join(root, "node_modules", "ws", "package.json"), "{}");
      }
    }
    return root;
  }

  it("matches the lock (another platform's optional binary not needed)", () => {
    expect(
      checkInstall(repository({ version: "8.23.0", onDisk: true })).status,
    ).toBe("ok");
  });

  it.each([
    [
      "no install at all",
      undefined,
      "no node_modules: the install has not run",
    ],
    [
      "another version",
      { version: "8.18.0", onDisk: true },
      "node_modules/ws is 8.18.0, the lock says 8.23.0",
    ],
    [
      "a package deleted since",
      { version: "8.23.0", onDisk: false },
      "node_modules/ws missing",
    ],
  ])("says npm ci for %s", (_case, installed, what) => {
    const result = checkInstall(repository(installed));
    expect(result.status).toBe("missing");
    expect(result.what).toContain(what);
    expect(result.fix).toContain("npm ci");
  });
});

describe("versions", () => {
  it.each([
    ["20.19.0", ">=20.19", true],
    ["20.20.2", ">=20.19", true],
    ["22.1.0", ">=20.19", true],
    ["20.18.3", ">=20.19", false],
    ["18.20.0", ">=20.19", false],
  ])("%s satisfies %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it("says how to get a newer Node or npm", () => {
    const node = checkNode({ node: ">=20.19" }, "18.20.0");
    expect(node.status).toBe("missing");
    expect(node.what).toBe("Node 18.20.0, the workshop needs >=20.19");
    expect(node.fix).toContain("https://nodejs.org");
    const npm = checkNpm({ npm: ">=10.8" }, "9.8.1");
    expect(npm.status).toBe("missing");
    expect(npm.fix).toContain("npm install -g npm@latest");
  });
});

describe("the browser for verify", () => {
  const nothing = () => false;
  it("on macOS, finds Chrome and gives the CHROMIUM_PATH to set", () => {
    const chrome =
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(
      checkBrowser("darwin", {}, (path: string) => path === chrome),
    ).toEqual({
      status: "missing",
      what: `browser found at ${chrome}, but verify looks only at CHROMIUM_PATH and /usr/bin/chromium`,
      fix: `add export CHROMIUM_PATH="${chrome}" to ~/.zshrc, then open a new terminal`,
    });
  });

  it("on Windows, finds Edge and says to setx it", () => {
    const env = { "ProgramFiles(x86)": "C:\\Program Files (x86)" };
    const result = checkBrowser("win32", env, (path: string) =>
      path.endsWith("msedge.exe"),
    );
    expect(result.fix).toMatch(
      /^setx CHROMIUM_PATH ".*msedge\.exe" \(PowerShell or cmd\)/,
    );
  });

  it("takes CHROMIUM_PATH when it names a file, and says when it does not", () => {
    expect(
      checkBrowser("linux", { CHROMIUM_PATH: "/opt/c" }, () => true).status,
    ).toBe("ok");
    expect(
      checkBrowser("linux", { CHROMIUM_PATH: "/opt/c" }, nothing),
    ).toMatchObject({
      status: "missing",
      what: "CHROMIUM_PATH is /opt/c, and there is nothing there",
    });
  });

  it("with no browser at all, says how to install one on this OS", () => {
    expect(checkBrowser("darwin", { PATH: "" }, nothing).fix).toContain(
      "brew install --cask chromium",
    );
    expect(setChromiumPath("/usr/bin/chromium", "linux")).toContain(
      "~/.bashrc",
    );
  });
});
