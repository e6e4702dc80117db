import { describeRoomsContract } from "../src/rooms/suite.js";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";

describeRoomsContract(socketIoRoomsDriver(["polling", "websocket"]));
describeRoomsContract(socketIoRoomsDriver(["websocket"]));
