import { describeEntryPoint } from "@repo/demo-kit/testing";

describeEntryPoint(
  "socketio-demo",
  new URL("../dist/server.js", import.meta.url).pathname,
);
