import type { Express } from "express";
import { createDemoApp, type Stats } from "@repo/demo-kit";
import { browserAssetsDir } from "@repo/rooms";

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
    // Lesson 2: the chat page, and the view it shares with the other demo.
    pages: [
      { path: "/rooms", view: "rooms", title: "Chat rooms with Socket.IO" },
    ],
    assets: [{ path: "/assets/rooms", dir: browserAssetsDir }],
  });
}
