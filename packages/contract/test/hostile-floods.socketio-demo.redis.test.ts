// Lesson 3: the floods on two processes of socketio-demo sharing one
// Redis, as hostile-floods.ws-demo.redis.test.ts does for ws-demo. Its
// members get a room's messages in one order by id.
import { describe } from "vitest";
import { acrossProcesses } from "../src/rooms/across-processes.js";
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  describeRoomFloods(
    acrossProcesses(
      socketIoRoomsDriver(["websocket"]),
      () => redis().url,
      "by-id",
    ),
    { processes: 1, connections: [10] },
  );
});
