#!/usr/bin/env node
// Records a real exchange with each demo through a recording TCP proxy on
// 127.0.0.1, and writes what crossed the wire as JSON for the docs' "On
// the wire" page. Run: npm run record-wire -w @repo/compare
import { writeFileSync } from "node:fs";
import { io } from "socket.io-client";
import { WebSocket } from "ws";
import { spawnApp } from "@repo/contract";
import { serverEntries } from "../bench/servers.js";
import { pause, recordingProxy, type Recording } from "./proxy.js";

async function recordWs(): Promise<Recording> {
  const app = await spawnApp("ws-demo", serverEntries["ws-demo"], {
    PUSH_INTERVAL_MS: "500",
  });
  const proxy = await recordingProxy(app.port);
  const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/ws`);
  ws.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString("utf8")) as {
      event: string;
      data: { seq: number };
    };
    if (message.event === "news") {
      ws.send(
        JSON.stringify({
          event: "reply",
          data: { seq: message.data.seq, text: `got #${message.data.seq}` },
        }),
      );
      ws.close(1000, "done");
    }
  });
  await new Promise((resolve) => ws.once("close", resolve));
  await pause(100);
  proxy.close();
  await app.stop();
  return {
    title: "ws: one upgrade, then frames",
    recordedAt: new Date().toISOString(),
    events: proxy.events,
  };
}

async function recordSocketIo(websocketOnly: boolean): Promise<Recording> {
  const app = await spawnApp("socketio-demo", serverEntries["socketio-demo"], {
    PUSH_INTERVAL_MS: "500",
  });
  const proxy = await recordingProxy(app.port);
  const socket = io(`http://127.0.0.1:${proxy.port}`, {
    path: "/socket.io",
    transports: websocketOnly ? ["websocket"] : ["polling", "websocket"],
    reconnection: false,
  });
  await new Promise<void>((resolve) => {
    socket.on("news", (news: { seq: number }) => {
      socket.emit("reply", { seq: news.seq, text: `got #${news.seq}` });
      setTimeout(() => {
        socket.disconnect();
        resolve();
      }, 50);
    });
  });
  await pause(100);
  proxy.close();
  await app.stop();
  return {
    title: websocketOnly
      ? "Socket.IO, websocket only: one upgrade, then packets in frames"
      : "Socket.IO: long-polling first, then the upgrade",
    recordedAt: new Date().toISOString(),
    events: proxy.events,
  };
}

const out =
  process.argv[2] ??
  new URL("../../../../docs/data/", import.meta.url).pathname;
const recordings: Record<string, Recording> = {
  "wire-ws.json": await recordWs(),
  "wire-socketio.json": await recordSocketIo(false),
  "wire-socketio-websocket.json": await recordSocketIo(true),
};
for (const [file, recording] of Object.entries(recordings)) {
  writeFileSync(`${out}/${file}`, `${JSON.stringify(recording, null, 2)}\n`);
  console.log(
    `record-wire: wrote ${out}/${file} (${recording.events.length} messages)`,
  );
}
