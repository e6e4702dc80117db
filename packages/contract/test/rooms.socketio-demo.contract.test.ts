import { describeRoomsContract } from "../src/rooms/suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";

describeRoomsContract(socketIoRoomsDriver(["polling", "websocket"]));
// The rooms page is one GET, whatever the client's transports: asserted once, above.
describeRoomsContract(socketIoRoomsDriver(["websocket"]), {
  skip: ["rooms-page"],
});
