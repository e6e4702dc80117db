// Lesson 2's rooms page in a browser, on ws-demo; its twin for
// socketio-demo is rooms.socketio-demo.browser.test.ts.
import { describeRoomsPage } from "../src/rooms/browser-suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";

describeRoomsPage(wsRoomsDriver, {
  catchUp: "rejoin with after",
  connectedState: "OPEN",
});
