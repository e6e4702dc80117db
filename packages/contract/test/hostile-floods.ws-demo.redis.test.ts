// Lesson 3: the floods on two processes of ws-demo sharing one Redis.
// The flooder's connections take turns between the two processes, and the
// bound is still one process's: every process spends a client address's
// budgets together, in Redis. Its twin for socketio-demo is
// hostile-floods.socketio-demo.redis.test.ts.
import { describe } from "vitest";
import { acrossProcesses } from "../src/rooms/across-processes.js";
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  describeRoomFloods(
    acrossProcesses(wsRoomsDriver, () => redis().url, "arrival"),
    { processes: 1, connections: [10] },
  );
});
