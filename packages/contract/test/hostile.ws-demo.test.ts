import { describeHostileSuite } from "../src/hostile/suite.js";
import { wsTarget } from "../src/hostile/targets.js";

describeHostileSuite(wsTarget);
