// ws-demo in the test process, composed as server.ts composes it.
import { startInProcess, type InProcessDemo } from "@repo/demo-kit/testing";
import { createApp } from "../src/app.js";
import { attachRealtime, type Realtime } from "../src/realtime.js";

export type TestServer = InProcessDemo<Realtime>;

export function serve(
  env: Record<string, string> = {},
  port = 0,
): Promise<TestServer> {
  return startInProcess({ createApp, attachRealtime }, env, port);
}
