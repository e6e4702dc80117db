// Lesson 3: lesson 2's whole rooms contract through the repo's nginx
// config, in front of two socketio-demo processes on one Redis, as
// rooms.ws-demo.nginx.test.ts does for ws-demo. socketio-demo's upstream
// hashes the client address, so its clients too sit on both processes
// (each connects from its own loopback address, and the app trusts nginx
// to say which), and its members get a room's messages in one order by id.
import { describe } from "vitest";
import { haveNginx } from "@repo/demo-kit/testing";
import { describeRoomsContract } from "../src/rooms/suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { TRUSTED_PROXY } from "../src/contract-settings.js";
import { behindNginx } from "../src/scale/behind-nginx.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available || !haveNginx())(
  "lesson 3: rooms behind nginx",
  () => {
    const redis = withTestRedis();
    const socketIo = socketIoRoomsDriver(["polling", "websocket"]);
    describeRoomsContract(
      behindNginx(
        {
          ...socketIo,
          capabilities: { ...socketIo.capabilities, deliveryOrder: "by-id" },
        },
        {
          demo: "socketio-demo",
          redisUrl: () => redis().url,
          proxyBind: TRUSTED_PROXY,
          env: { TRUST_PROXY: TRUSTED_PROXY },
        },
      ),
    );
  },
);
