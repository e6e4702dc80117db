import { describeHostileSuite } from "../src/hostile/suite.js";
import { socketIoTarget } from "../src/hostile/targets.js";

describeHostileSuite(socketIoTarget);
