// The HTTP guard: what every request must pass before a lesson sees it.
// Host (DNS rebinding), Origin (another site's page), and the bounds on
// what a client's text may do to the server's log.
export { isAllowedOrigin, parseAllowedOrigins } from "./origin.js";
export {
  hostName,
  isAllowedHost,
  listensEverywhere,
  parseAllowedHosts,
  type AllowedHosts,
} from "./host.js";
export {
  pageScheme,
  refuseHandshake,
  refuseHost,
  type GuardedRequest,
  type GuardRules,
  type Refusal,
} from "./request-guard.js";
export { createGuard, guardEveryRequest, type Guard } from "./guard.js";
export { describeValue, quoteText, type DescribeLimits } from "./describe.js";
