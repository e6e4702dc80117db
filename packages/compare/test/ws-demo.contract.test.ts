import { describeTransportContract } from "../src/contract/suite.js";
import { wsDriver } from "../src/drivers/ws.js";

describeTransportContract(wsDriver);
