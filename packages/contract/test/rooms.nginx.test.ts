// Lesson 3: lesson 2's whole rooms contract through the repo's nginx
// config, in front of two processes of each app on one Redis. ws-demo's
// upstream spreads connections (least_conn), so the clause's members sit
// on both processes. socketio-demo's hashes the client address, and every
// client here is 127.0.0.1: they share one process, as clients behind one
// NAT do; what this run shows for it is the rooms contract through nginx.
import { describe } from "vitest";
import { haveNginx } from "@repo/demo-kit/testing";
import { describeRoomsContract } from "../src/rooms/suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { behindNginx } from "../src/scale/behind-nginx.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available || !haveNginx())(
  "lesson 3: rooms behind nginx",
  () => {
    const redis = withTestRedis();
    describeRoomsContract(
      behindNginx(wsRoomsDriver, {
        demo: "ws-demo",
        redisUrl: () => redis().url,
      }),
    );
    describeRoomsContract(
      behindNginx(socketIoRoomsDriver(["polling", "websocket"]), {
        demo: "socketio-demo",
        redisUrl: () => redis().url,
      }),
    );
  },
);
