import { describeEntryPoint } from "@repo/demo-kit/testing";

describeEntryPoint(
  "ws-demo",
  new URL("../dist/server.js", import.meta.url).pathname,
);
