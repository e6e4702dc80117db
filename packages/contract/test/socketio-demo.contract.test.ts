import { describeTransportContract } from "../src/transport/suite.js";
import { socketIoDriver } from "../src/drivers/socket-io.js";

describeTransportContract(socketIoDriver(["polling", "websocket"]));
describeTransportContract(socketIoDriver(["websocket"]));
