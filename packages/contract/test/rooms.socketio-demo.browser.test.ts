// Lesson 2's rooms page in a browser, on socketio-demo; its twin for
// ws-demo is rooms.ws-demo.browser.test.ts.
import { describeRoomsPage } from "../src/rooms/browser-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";

describeRoomsPage(socketIoRoomsDriver(["websocket"]), {
  catchUp: "recovery",
  connectedState: "CONNECTED",
});
