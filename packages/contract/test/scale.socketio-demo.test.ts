// Lesson 3's faults on socketio-demo: Redis lost and back, a process killed.
import { describe } from "vitest";
import { describeScaleFaults } from "../src/rooms/scale-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  describeScaleFaults(socketIoRoomsDriver(["websocket"]), redis);
});
