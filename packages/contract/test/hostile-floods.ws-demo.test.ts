// What one client can cost a room of ws-demo (lesson 2, one process).
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";

describeRoomFloods(wsRoomsDriver);
