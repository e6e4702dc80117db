import { describeTransportContract } from "../src/transport/suite.js";
import { socketIoDriver } from "../src/drivers/socket-io.js";

describeTransportContract(socketIoDriver(["polling", "websocket"]));
// Every clause on the websocket-only client too, those that never use it
// (the page, the silent peer's raw handshake, the frozen peer's shutdown)
// included: the contract table shows the whole contract per transport.
describeTransportContract(socketIoDriver(["websocket"]));
