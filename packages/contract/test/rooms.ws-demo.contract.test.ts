import { describeRoomsContract } from "../src/rooms/suite.js";
import { wsRoomsDriver } from "../src/rooms/ws-driver.js";

describeRoomsContract(wsRoomsDriver);
