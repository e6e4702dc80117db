// Lesson 3: both demos on one Redis (as an attendee runs them, both on
// redis://127.0.0.1:6379) keep their rooms apart: a room of the same name
// on the other app has none of this one's members or messages.
import { describe, expect, it } from "vitest";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";
import { withTestRedis } from "./redis-fixture.js";

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();

  it("keeps ws-demo's and socketio-demo's rooms apart on one Redis", async () => {
    const env = { REDIS_URL: redis().url };
    const socketIo = socketIoRoomsDriver(["websocket"]);
    const [wsApp, ioApp] = await Promise.all([
      wsRoomsDriver.start(env),
      socketIo.start(env),
    ]);
    try {
      const ann = await wsRoomsDriver.connect(wsApp);
      await ann.request("join", { room: "lobby", name: "ann" });
      await ann.request("say", { room: "lobby", text: "on ws" });
      const bob = await socketIo.connect(ioApp);
      expect(
        await bob.request("join", { room: "lobby", name: "bob" }),
      ).toMatchObject({ ok: true, members: ["bob"], history: [] });
      await Promise.all([ann.close(), bob.close()]);
    } finally {
      await Promise.all([wsApp.stop(), ioApp.stop()]);
    }
  });
});
