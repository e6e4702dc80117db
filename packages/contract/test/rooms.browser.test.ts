import { describeRoomsPage } from "../src/rooms/browser-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";

describeRoomsPage(wsRoomsDriver, {
  catchUp: "rejoin with after",
  connectedState: "OPEN",
});
describeRoomsPage(socketIoRoomsDriver(["websocket"]), {
  catchUp: "recovery",
  connectedState: "CONNECTED",
});
