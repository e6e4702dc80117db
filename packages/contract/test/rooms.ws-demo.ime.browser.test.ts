// Korean typed with an IME on ws-demo's rooms page (src/rooms/ime-suite.ts
// says what is played and why); rooms.socketio-demo.ime.browser.test.ts
// is its twin.
import { describeImeTyping } from "../src/rooms/ime-suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";

describeImeTyping(wsRoomsDriver, "OPEN");
