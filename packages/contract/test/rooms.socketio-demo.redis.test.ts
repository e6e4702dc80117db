// Lesson 3: lesson 2's whole rooms contract, on two socketio-demo
// processes that share a Redis of this test's own.
import { describe } from "vitest";
import { acrossProcesses } from "../src/rooms/across-processes.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { describeRoomsContract } from "../src/rooms/suite.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  describeRoomsContract(
    acrossProcesses(
      socketIoRoomsDriver(["polling", "websocket"]),
      () => redis().url,
      "by-id",
    ),
  );
});
