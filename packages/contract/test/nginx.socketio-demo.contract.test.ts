// Lesson 3: lesson 1's whole contract, with socketio-demo run as two
// processes on one Redis behind the repo's nginx config, polling first
// then the upgrade (the client that needs nginx's stickiness). nginx
// connects to the apps from 127.0.0.2, the address the contract trusts as
// its proxy, so the client-IP clauses hold through it as they do without it.
import { describe } from "vitest";
import { haveNginx } from "@repo/demo-kit/testing";
import { socketIoDriver } from "../src/drivers/socket-io.js";
import { behindNginx } from "../src/scale/behind-nginx.js";
import { TRUSTED_PROXY } from "../src/contract-settings.js";
import { describeTransportContract } from "../src/transport/suite.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available || !haveNginx())(
  "lesson 3: behind nginx",
  () => {
    const redis = withTestRedis();
    describeTransportContract(
      behindNginx(socketIoDriver(["polling", "websocket"]), {
        demo: "socketio-demo",
        redisUrl: () => redis().url,
        proxyBind: TRUSTED_PROXY,
      }),
    );
  },
);
