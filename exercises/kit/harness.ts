// What every exercise server shares and is not the lesson: settings from
// the environment, the demo's page, /stats, listening and shutting down.
import type { Server } from "node:http";
import {
  createDemoApp,
  createLog,
  listen,
  processTimerCount,
  readSettingsOrExit,
  type Log,
  type Settings,
  type Stats,
} from "@repo/demo-kit";
import { browserAssetsDir } from "@repo/rooms";
import type { Express } from "express";

/** What the exercise's server counts; the rest of /stats comes from Node. */
export interface Counts {
  readonly transport: Stats["transport"];
  openConnections(): number;
  /** Timers the server's own bookkeeping knows of (0 where it keeps none). */
  liveTimers?(): number;
  received(): number;
}

/** Reads the settings (PORT, PUSH_INTERVAL_MS, TRUST_PROXY...), or exits with the reason. */
export function exerciseSettings(name: string): {
  settings: Settings;
  log: Log;
} {
  return {
    settings: readSettingsOrExit(name, process.env, { port: 8003 }),
    log: createLog(),
  };
}

/** The demo's own page (its views and compiled browser code), and /stats from `counts`. */
export function exerciseApp(
  demo: "ws-demo" | "socketio-demo",
  counts: Counts,
): Express {
  return createDemoApp({
    title: `Exercise (${demo})`,
    // The app's own folder (its views and compiled browser code), found
    // through its package, as any module of it would be.
    appRoot: new URL(".", import.meta.resolve(`${demo}/package.json`)),
    stats: () => ({
      transport: counts.transport,
      openConnections: counts.openConnections(),
      liveTimers: counts.liveTimers?.() ?? 0,
      pushed: 0,
      notSent: 0,
      received: counts.received(),
      processTimers: processTimerCount(),
    }),
    pages: [{ path: "/rooms", view: "rooms", title: "Exercise: chat rooms" }],
    assets: [{ path: "/assets/rooms", dir: browserAssetsDir }],
  });
}

/** Listens, prints the ready line verify waits for, shuts down on SIGINT/SIGTERM. */
export function listenExercise(
  name: string,
  server: Server,
  settings: Settings,
  log: Log,
  closeRealtime: () => Promise<void>,
): void {
  listen(server, settings, log, {
    name,
    script: `verify -- ${name}`,
    describe: `push every ${settings.pushIntervalMs} ms, trusted proxies: ${settings.trustProxySetting}`,
    closeRealtime,
  });
}
