// Lesson 3: lesson 2's whole rooms contract through the repo's nginx
// config, in front of two ws-demo processes on one Redis. Each test client
// connects from its own loopback address, and the app trusts nginx
// (connecting from TRUSTED_PROXY) to say which: the rooms count a client
// address's budgets, so nginx's own address must not stand for everyone.
// ws-demo's upstream spreads connections (least_conn). Its twin for
// socketio-demo is rooms.socketio-demo.nginx.test.ts.
import { describe } from "vitest";
import { haveNginx } from "@repo/demo-kit/testing";
import { describeRoomsContract } from "../src/rooms/suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { TRUSTED_PROXY } from "../src/contract-settings.js";
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
        proxyBind: TRUSTED_PROXY,
        env: { TRUST_PROXY: TRUSTED_PROXY },
      }),
    );
  },
);
