// socketio-demo in the test process, composed as server.ts composes it
// (lesson 2's rooms in memory: lesson 3's cluster and Redis are the
// contract's).
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createGuard, guardEveryRequest } from "@repo/http-guard";
import { LogBudget } from "@repo/demo-kit";
import { startInProcess, type InProcessDemo } from "@repo/demo-kit/testing";
import { createApp } from "../src/app.js";
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from "../src/protocol.js";
import { attachPush } from "../src/push.js";
import {
  attachRealtime,
  socketIoOptions,
  type Realtime,
} from "../src/realtime.js";
import { attachRooms } from "../src/rooms/attach.js";
import { createMemoryBackend } from "../src/rooms/backend.js";

export type TestServer = InProcessDemo<Realtime>;

export function serve(
  env: Record<string, string> = {},
  port = 0,
): Promise<TestServer> {
  return startInProcess(
    (settings, log) => {
      const refusals = new LogBudget(log, {
        subject: "refusals",
        noun: "refused requests",
      });
      const guard = createGuard(settings, (line) => refusals.line(line));
      const roomsBackend = createMemoryBackend();
      const app = createApp({ stats: () => realtime.stats() });
      const server = createServer(app);
      const io = new Server<ClientToServerEvents, ServerToClientEvents>(
        server,
        socketIoOptions(settings, roomsBackend),
      );
      const realtime = attachRealtime(server, io, guard, settings, log);
      attachPush(realtime, settings, log);
      attachRooms(realtime, roomsBackend, log);
      guardEveryRequest(server, guard);
      return { server, realtime };
    },
    env,
    port,
  );
}
