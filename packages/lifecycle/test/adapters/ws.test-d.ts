// Pins the structural types to the real `ws` types: if ws changes a
// signature the adapter relies on, this file stops compiling.
import type { IncomingMessage } from "node:http";
import { expectTypeOf, test } from "vitest";
import type { WebSocket } from "ws";
import type {
  PingableLike,
  UpgradeRequestLike,
  WsSocketLike,
} from "../../src/index.js";

test("a ws WebSocket is a WsSocketLike and a PingableLike", () => {
  expectTypeOf<WebSocket>().toExtend<WsSocketLike>();
  expectTypeOf<WebSocket>().toExtend<PingableLike>();
});

test("an upgrade request is an UpgradeRequestLike", () => {
  expectTypeOf<IncomingMessage>().toExtend<UpgradeRequestLike>();
});

test("something without terminate is not a WsSocketLike", () => {
  expectTypeOf<Omit<WebSocket, "terminate">>().not.toExtend<WsSocketLike>();
});
