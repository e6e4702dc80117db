import type { Express } from "express";
import { createDemoApp, type Stats } from "@repo/demo-kit";
import { browserAssetsDir } from "@repo/rooms";

/**
 * The Express side of the demo: the pug page, `/stats`, and the browser
 * code. It never listens: server.ts does, and attaches ws to the same
 * HTTP server.
 */
export function createApp(options: { stats: () => Stats }): Express {
  return createDemoApp({
    title: "Server push with ws",
    appRoot: new URL("../", import.meta.url),
    stats: options.stats,
    // Lesson 2: the chat page, and the view it shares with the other demo.
    pages: [{ path: "/rooms", view: "rooms", title: "Chat rooms with ws" }],
    assets: [{ path: "/assets/rooms", dir: browserAssetsDir }],
  });
}
