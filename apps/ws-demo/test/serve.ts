// ws-demo in the test process, composed as server.ts composes it (lesson
// 2's rooms in memory: lesson 3's cluster and Redis are the contract's).
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { createGuard, guardEveryRequest } from "@repo/http-guard";
import { LogBudget } from "@repo/demo-kit";
import { startInProcess, type InProcessDemo } from "@repo/demo-kit/testing";
import { createApp } from "../src/app.js";
import { attachPush } from "../src/push.js";
import { attachRealtime, type Realtime } from "../src/realtime.js";
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
      const app = createApp({ stats: () => realtime.stats() });
      const server = createServer(app);
      const wss = new WebSocketServer({
        noServer: true,
        maxPayload: settings.maxPayloadBytes,
        clientTracking: false,
      });
      const realtime = attachRealtime(server, wss, guard, settings, log);
      attachPush(realtime, settings, log);
      attachRooms(realtime, createMemoryBackend(), log);
      guardEveryRequest(server, guard);
      return { server, realtime };
    },
    env,
    port,
  );
}
