// Moving the ports, as the docs say to: each demo alone with PORT, the docs
// site alone with the vitepress command Start here gives. And the settings
// the README lists must reach the apps through turbo, whose strict env mode
// drops any variable it was not told about.
import { spawn } from "node:child_process";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { spawnApp } from "@repo/contract";
import { docsRoot, read } from "./markdown.js";

const repoRoot = join(docsRoot, "..");
const appsRoot = join(repoRoot, "apps");

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("moving the ports", () => {
  it.each(["index.md", "ko/index.md"])(
    "Start here (%s) gives each demo its own PORT, and the site its own command",
    (name) => {
      const page = read(name);
      expect(page).toContain("`npm run ws:8011`");
      expect(page).toContain("`npm run socketio:8012`");
      expect(page).toContain(
        "`npx vitepress dev docs --host 127.0.0.1 --port 8010`",
      );
    },
  );

  it("each demo, started alone, listens on the PORT it is given", async () => {
    for (const name of ["ws-demo", "socketio-demo"]) {
      const port = await freePort();
      const app = await spawnApp(name, join(appsRoot, name, "dist/server.js"), {
        PORT: String(port),
      });
      try {
        expect(app.port).toBe(port);
        expect(app.output.join("\n")).toContain(
          `${name} ready at http://localhost:${port}`,
        );
      } finally {
        await app.stop();
      }
    }
  });

  it("npm start keeps the site on port 8000, and fails rather than move it", () => {
    const scripts = (
      JSON.parse(readFileSync(join(docsRoot, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.start).toContain("--port 8000 --strictPort");
  });

  it("the site moves with the command the docs give", async () => {
    const port = await freePort();
    const command = "npx vitepress dev docs --host 127.0.0.1 --port 8010"
      .replace("8010", String(port))
      .split(" ");
    const child = spawn(command[0]!, command.slice(1), {
      cwd: repoRoot,
      stdio: "ignore",
      detached: true, // its own process group, so that npx's child dies too
    });
    try {
      await vi.waitFor(
        async () =>
          expect(await statusFor(port, `127.0.0.1:${port}`)).toBe(200),
        { timeout: 30_000, interval: 500 },
      );
    } finally {
      await stopGroup(child.pid!);
    }
  }, 40_000);
});

/**
 * Stops a command started with `detached: true`, npx and the site it
 * started: SIGTERM to the process group, then SIGKILL to what is left
 * after 3 s. A vite dev server can outlive its SIGTERM while it waits for
 * a keep-alive connection to close (one was seen still running after the
 * suite had ended); statusFor's requests close theirs.
 */
async function stopGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(-pid, "SIGTERM");
  for (let waited = 0; alive() && waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (alive()) process.kill(-pid, "SIGKILL");
}

/**
 * The status of GET / on 127.0.0.1:port, for a browser that asked for
 * `host`. No keep-alive (agent: false), so the server can stop at once.
 */
function statusFor(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(
      {
        host: "127.0.0.1",
        port,
        path: "/",
        headers: { Host: host },
        agent: false,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    )
      .on("error", reject)
      .end();
  });
}

describe("the docs site in LAN mode (npm run docs:lan)", () => {
  it("answers to IP addresses and refuses other names, as Vite's allowedHosts does", async () => {
    const scripts = (
      JSON.parse(readFileSync(join(docsRoot, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.lan).toContain("--host 0.0.0.0 --port 8000 --strictPort");
    // The script's own command on a free port. It listens on every
    // interface, but the requests go to 127.0.0.1 only: the Host header
    // is what another machine's browser would send.
    const port = await freePort();
    const command = scripts.lan!.replace("8000", String(port)).split(" ");
    const child = spawn("npx", command, {
      cwd: docsRoot,
      // Without the search index it listens in a second, not ten; the
      // other test's server starts with it.
      env: { ...process.env, DOCS_SEARCH: "off" },
      stdio: "ignore",
      detached: true, // its own process group, so that npx's child dies too
    });
    try {
      await vi.waitFor(
        async () =>
          expect(await statusFor(port, `localhost:${port}`)).toBe(200),
        { timeout: 30_000, interval: 500 },
      );
      expect(await statusFor(port, `192.168.1.20:${port}`)).toBe(200);
      expect(await statusFor(port, `[fe80::1]:${port}`)).toBe(200);
      expect(await statusFor(port, `evil.example:${port}`)).toBe(403);
    } finally {
      await stopGroup(child.pid!);
    }
  }, 40_000);
});

describe("the README's settings reach the apps", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Settings"),
    readme.indexOf("## Map"),
  );
  const variables = [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map(
    (match) => match[1]!,
  );
  // turbo.json allows comments; they sit on lines of their own.
  const turbo = JSON.parse(
    readFileSync(join(repoRoot, "turbo.json"), "utf8").replace(
      /^\s*\/\/.*$/gm,
      "",
    ),
  ) as { tasks: Record<string, { passThroughEnv?: string[] }> };

  it("lists the settings", () => {
    expect(variables).toEqual(
      expect.arrayContaining(["PORT", "NOTE_BUGS", "MAX_BUFFERED_BYTES"]),
    );
  });

  it(".env.example lists every one, for every shell", () => {
    const example = readFileSync(join(repoRoot, ".env.example"), "utf8");
    const listed = [...example.matchAll(/^#? ?([A-Z_]+)=/gm)].map(
      (match) => match[1]!,
    );
    expect(listed).toEqual(variables);
  });

  it(".env stays out of git", () => {
    const ignored = readFileSync(join(repoRoot, ".gitignore"), "utf8");
    expect(ignored.split("\n")).toContain(".env");
  });

  it.each(["start", "dev"])(
    "turbo passes every one through to `%s`",
    (task) => {
      expect(turbo.tasks[task]!.passThroughEnv).toEqual(
        expect.arrayContaining(variables),
      );
    },
  );
});
