import { describeTransportContract } from "../src/transport/suite.js";
import { socketIoDriver } from "../src/drivers/socket-io.js";

describeTransportContract(socketIoDriver(["polling", "websocket"]));
// A websocket-only client differs from the default one in how it connects
// and nothing else. The clauses that never connect through socket.io-client
// (the page, the silent peer's raw handshake, the frozen peer's shutdown)
// would assert the same thing of the same server twice: they run once, above.
describeTransportContract(socketIoDriver(["websocket"]), {
  skip: ["page", "dead-peer", "shutdown-frozen"],
});
