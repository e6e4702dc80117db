// Lesson 3: the floods on two processes of each app sharing one Redis.
// Each process counts its own clients' budgets, so the bound is twice one
// process's; the flooder's ten connections take turns between the two.
import { describe } from "vitest";
import { acrossProcesses } from "../src/rooms/across-processes.js";
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  const url = () => redis().url;
  const options = { processes: 2, connections: [10] } as const;
  describeRoomFloods(acrossProcesses(wsRoomsDriver, url, "arrival"), options);
  describeRoomFloods(
    acrossProcesses(socketIoRoomsDriver(["websocket"]), url, "by-id"),
    options,
  );
});
