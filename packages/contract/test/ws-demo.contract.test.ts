import { describeTransportContract } from "../src/transport/suite.js";
import { wsDriver } from "../src/drivers/ws.js";

describeTransportContract(wsDriver);
