// An nginx of the test's own: the repo's deploy/nginx/workshop.conf,
// rendered with the test's ports into a temporary prefix (pid, logs and
// temp files inside it) and run in the foreground on 127.0.0.1. Never the
// machine's nginx service.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { freePort, probe } from "./loopback-port.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** NGINX_PATH, else Debian's (/usr/sbin is not on a user's PATH there), else PATH's. */
export const nginxPath =
  process.env.NGINX_PATH ||
  (existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");

/** The load-balancer config in the repo, as attendees copy it. */
export const workshopConfPath = fileURLToPath(
  new URL("../../../deploy/nginx/workshop.conf", import.meta.url),
);

/** Whether nginx tests can run here; if not, says so loudly once. */
export function haveNginx(): boolean {
  const probe = spawnSync(nginxPath, ["-v"], { encoding: "utf8" });
  if (probe.status === 0) return true;
  console.warn(
    `\n*** SKIPPING nginx tests (lesson 3): no ${nginxPath} to run. ` +
      "Install it (Debian/Ubuntu: sudo apt-get install nginx-light, then stop the service it starts; " +
      "macOS: brew install nginx) or set NGINX_PATH. CI counts this skip as a failure. ***\n",
  );
  return false;
}

/** The demos the config balances, by the name of their upstream. */
const UPSTREAMS = { ws_demo: "ws-demo", socketio_demo: "socketio-demo" };
export type DemoName = (typeof UPSTREAMS)[keyof typeof UPSTREAMS];

export interface NginxOptions {
  /** The ports of each demo's processes (unlisted demos get a closed port). */
  readonly backends: Partial<Record<DemoName, readonly number[]>>;
  /** Changes the config's text before it is rendered (a test's broken variant). */
  readonly edit?: (config: string) => string;
  /**
   * The local address nginx connects to the apps from (`proxy_bind`), so
   * that a test on one machine can tell nginx from its clients, which are
   * all on loopback too.
   */
  readonly proxyBind?: string;
}

export interface TestNginx {
  /** http://127.0.0.1:PORT, the front door of one demo. */
  origin(demo: DemoName): string;
  port(demo: DemoName): number;
  /** The config as rendered for this test. */
  readonly config: string;
  /** nginx's error log so far. */
  errorLog(): string;
  /** Stops nginx and removes its prefix. */
  close(): Promise<void>;
}

/** Renders the workshop config with test ports and starts nginx on it. */
export async function startNginx(options: NginxOptions): Promise<TestNginx> {
  const dir = mkdtempSync(join(tmpdir(), "test-nginx-"));
  // nginx's workers drop root to `nobody`: they must reach the temp paths.
  chmodSync(dir, 0o755);
  const front = new Map<string, number>();
  for (const demo of Object.values(UPSTREAMS))
    front.set(demo, await freePort());
  const closed = await freePort(); // nothing listens there

  const source = (options.edit ?? ((text: string) => text))(
    readFileSync(workshopConfPath, "utf8"),
  );
  const config = render(source, {
    backends: (upstream) =>
      options.backends[UPSTREAMS[upstream as keyof typeof UPSTREAMS]] ?? [
        closed,
      ],
    front: (upstream) =>
      front.get(UPSTREAMS[upstream as keyof typeof UPSTREAMS])!,
    proxyBind: options.proxyBind,
  });
  writeFileSync(join(dir, "workshop.conf"), config);
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} info;`,
      "events { worker_connections 1024; }",
      "http {",
      `    access_log ${join(dir, "access.log")};`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `    ${kind}_temp_path ${join(dir, kind)};`,
      ),
      `    include ${join(dir, "workshop.conf")};`,
      "}",
      "",
    ].join("\n"),
  );

  const child: ChildProcess = spawn(
    nginxPath,
    [
      "-p",
      dir,
      "-e",
      join(dir, "error.log"),
      "-c",
      join(dir, "nginx.conf"),
      "-g",
      "daemon off;",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = once(child, "exit");
  const errorLog = () => {
    try {
      return readFileSync(join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  };

  const deadline = Date.now() + 5000;
  for (const port of front.values()) {
    while (!(await probe(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
        throw new Error(
          `nginx did not start (${child.exitCode === null ? "no answer in 5 s" : `exit ${child.exitCode}`}):\n${stderr}${errorLog()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    origin: (demo) => `http://127.0.0.1:${front.get(demo)}`,
    port: (demo) => front.get(demo)!,
    config,
    errorLog,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: nginx's fast shutdown, open connections included.
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface RenderPorts {
  readonly backends: (upstream: string) => readonly number[];
  readonly front: (upstream: string) => number;
  readonly proxyBind: string | undefined;
}

/**
 * The config with the test's ports: each upstream's `server` lines become
 * the test's processes, each `listen` the free port of the demo its
 * server block proxies to.
 */
function render(config: string, ports: RenderPorts): string {
  let text = config.replace(
    /^upstream (\w+) \{\n[\s\S]*?^\}/gm,
    (block, name: string) => {
      const lines = block.split("\n");
      const serverLine = /^(\s*)server 127\.0\.0\.1:\d+([^;]*);/;
      const first = lines.findIndex((line) => serverLine.test(line));
      if (first === -1) return block;
      // The indent and the parameters (max_fails=0…) of the first line.
      const [, pad, parameters] = serverLine.exec(lines[first]!)!;
      const servers = ports
        .backends(name)
        .map((port) => `${pad}server 127.0.0.1:${port}${parameters};`);
      const kept = lines.filter((line) => !serverLine.test(line));
      kept.splice(first, 0, ...servers);
      return kept.join("\n");
    },
  );
  // A listen line belongs to the upstream of the next proxy_pass.
  text = text.replace(
    /listen 127\.0\.0\.1:\d+;([\s\S]*?proxy_pass http:\/\/(\w+);)/g,
    (_match, rest: string, upstream: string) =>
      `listen 127.0.0.1:${ports.front(upstream)};${rest}`,
  );
  if (ports.proxyBind) {
    text = text.replace(
      /^(\s*)(proxy_pass http:\/\/\w+;)$/gm,
      `$1$2\n$1proxy_bind ${ports.proxyBind};`,
    );
  }
  return text;
}
