import type { Express } from "express";
import { createDemoApp, type Stats } from "@repo/demo-kit";

/**
 * The Express side of the demo: the pug page, `/stats`, and the browser
 * code. It never listens: server.ts does. Socket.IO answers /socket.io/*
 * (its client script too) before Express sees the request.
 */
export function createApp(options: { stats: () => Stats }): Express {
  return createDemoApp({
    title: "Server push with Socket.IO",
    appRoot: new URL("../", import.meta.url),
    stats: options.stats,
  });
}
