// What one client can cost a room of socketio-demo (lesson 2, one process).
import { describeRoomFloods } from "../src/rooms/flood-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";

describeRoomFloods(socketIoRoomsDriver(["websocket"]));
