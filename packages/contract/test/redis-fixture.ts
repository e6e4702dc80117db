// One Redis of the test file's own (never the machine's 6379), started
// before the file's tests and stopped after them.
import { afterAll, beforeAll } from "vitest";
import {
  haveRedisServer,
  startTestRedis,
  type TestRedis,
} from "@repo/demo-kit/testing";

/** Registers the hooks; the returned function gives the running Redis. */
export function withTestRedis(): () => TestRedis {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });
  return () => {
    if (!redis) throw new Error("the test Redis has not started");
    return redis;
  };
}
withTestRedis.available = haveRedisServer();
