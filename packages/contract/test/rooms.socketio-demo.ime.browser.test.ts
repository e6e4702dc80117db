// Korean typed with an IME on socketio-demo's rooms page
// (src/rooms/ime-suite.ts says what is played and why);
// rooms.ws-demo.ime.browser.test.ts is its twin.
import { describeImeTyping } from "../src/rooms/ime-suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";

describeImeTyping(socketIoRoomsDriver(["websocket"]), "CONNECTED");
