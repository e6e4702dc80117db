// Lesson 3: a demo as it runs on several machines: two processes of the
// app sharing one Redis, behind the repo's nginx config (rendered with the
// test's ports). Seen by a suite as one app whose address is nginx's: every
// client goes through nginx, while `stats()` adds up what the processes
// report themselves.
import {
  startNginx,
  type DemoName,
  type TestNginx,
} from "@repo/demo-kit/testing";
import type { AppStats, RunningApp } from "@repo/demo-kit/spawn-app";

export interface BehindNginxOptions {
  /** Which of the config's two front doors. */
  readonly demo: DemoName;
  /** The Redis the two processes share. */
  readonly redisUrl: () => string;
  /** Settings for both processes, on top of what the suite asks for. */
  readonly env?: Readonly<Record<string, string>>;
  /** nginx's own address towards the apps (see NginxOptions.proxyBind). */
  readonly proxyBind?: string;
}

/** The same driver, each app it starts now two processes behind nginx. */
export function behindNginx<
  D extends {
    readonly name: string;
    start(env: Record<string, string>): Promise<RunningApp>;
  },
>(driver: D, options: BehindNginxOptions): D {
  return {
    ...driver,
    name: `${driver.name}, two processes behind nginx`,
    async start(env: Record<string, string>) {
      const shared = {
        ...env,
        ...options.env,
        REDIS_URL: options.redisUrl(),
      };
      const [a, b] = await Promise.all([
        driver.start(shared),
        driver.start(shared),
      ]);
      const nginx = await startNginx({
        backends: { [options.demo]: [a.port, b.port] },
        proxyBind: options.proxyBind,
      }).catch(async (error: unknown) => {
        await Promise.all([a.stop(), b.stop()]);
        throw error;
      });
      return throughNginx(nginx, options.demo, a, b);
    },
  };
}

/** Two processes and the nginx in front of them, as one RunningApp. */
export interface Deployment extends RunningApp {
  readonly processes: readonly [RunningApp, RunningApp];
  readonly nginx: TestNginx;
}

function throughNginx(
  nginx: TestNginx,
  demo: DemoName,
  a: RunningApp,
  b: RunningApp,
): Deployment {
  return {
    processes: [a, b],
    nginx,
    name: `${a.name} x2 behind nginx`,
    origin: nginx.origin(demo),
    port: nginx.port(demo),
    get output() {
      return [...a.output, ...b.output];
    },
    get alive() {
      return a.alive && b.alive;
    },
    ask: (message) => a.ask(message),
    async stats() {
      return sumStats(await Promise.all([a.stats(), b.stats()]));
    },
    async stop(signal, killAfterMs) {
      const [left, right] = await Promise.all([
        a.stop(signal, killAfterMs),
        b.stop(signal, killAfterMs),
      ]);
      await nginx.close();
      return {
        code: left.code === 0 ? right.code : left.code,
        ms: Math.max(left.ms, right.ms),
      };
    },
  };
}

/** What several processes report, added up. */
export function sumStats(all: readonly AppStats[]): AppStats {
  const [first, ...rest] = all;
  return rest.reduce(
    (sum, next) => ({
      ...sum,
      openConnections: sum.openConnections + next.openConnections,
      liveTimers: sum.liveTimers + next.liveTimers,
      pushed: sum.pushed + next.pushed,
      notSent: sum.notSent + next.notSent,
      received: sum.received + next.received,
      processTimers: sum.processTimers + next.processTimers,
    }),
    first!,
  );
}
