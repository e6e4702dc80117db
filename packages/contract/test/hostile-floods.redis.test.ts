// Lesson 3: the floods on two processes of each app sharing one Redis.
// The flooder's connections take turns between the two processes, and the
// bound is still one process's: every process spends a client address's
// budgets together, in Redis.
import { describe } from "vitest";
import { acrossProcesses } from "../src/rooms/across-processes.js";
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  const url = () => redis().url;
  const options = { processes: 1, connections: [10] } as const;
  describeRoomFloods(acrossProcesses(wsRoomsDriver, url, "arrival"), options);
  describeRoomFloods(
    acrossProcesses(socketIoRoomsDriver(["websocket"]), url, "by-id"),
    options,
  );
});
