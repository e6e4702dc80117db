import { describe, expect, it } from "vitest";
import { readSettings } from "../src/settings.js";

describe("readSettings", () => {
  it("defaults to the given port and a 3 s push, on loopback", () => {
    const settings = readSettings({}, { port: 8001 });
    expect(settings).toMatchObject({
      port: 8001,
      host: "127.0.0.1",
      pushIntervalMs: 3000,
      maxPayloadBytes: 65_536,
      trustProxySetting: "none",
      allowedOrigins: [],
      redisUrl: undefined,
      workers: 1,
      pushText: "Hello from the server",
    });
  });

  it("takes PUSH_TEXT as it is, the compare tool's one text for every server", () => {
    expect(
      readSettings({ PUSH_TEXT: " Hi from every server" }, { port: 8001 })
        .pushText,
    ).toBe(" Hi from every server");
  });

  it("pushes the same greeting on both demos when PUSH_TEXT is unset or empty", () => {
    expect(readSettings({ PUSH_TEXT: "" }, { port: 8001 }).pushText).toBe(
      "Hello from the server",
    );
  });

  it.each([
    [
      { PORT: "abc" },
      'PORT="abc" is not valid: use a whole number from 0 to 65535.',
    ],
    [{ PORT: "70000" }, 'PORT="70000" is not valid'],
    [{ PUSH_INTERVAL_MS: "0" }, 'PUSH_INTERVAL_MS="0" is not valid'],
    [{ PUSH_INTERVAL_MS: "1.5" }, 'PUSH_INTERVAL_MS="1.5" is not valid'],
    [{ PUSH_TEXT: "x".repeat(201) }, "PUSH_TEXT is 201 characters long"],
    [{ TRUST_PROXY: "true" }, "TRUST_PROXY=loopback"],
    [{ ALLOWED_ORIGINS: "example.com" }, '"example.com" is not an origin'],
    [
      { ALLOWED_HOSTS: "http://demo.test" },
      '"http://demo.test" is not a host name',
    ],
    [
      { REDIS_URL: "127.0.0.1:6379" },
      'REDIS_URL="127.0.0.1:6379" is not valid: use redis://HOST:PORT',
    ],
    [{ WORKERS: "0" }, 'WORKERS="0" is not valid'],
    [
      { WORKERS: "2" },
      "WORKERS=2 needs REDIS_URL: worker processes share their rooms through Redis",
    ],
  ])("explains a bad value: %j", (env, message) => {
    expect(() => readSettings(env, { port: 8001 })).toThrow(message);
  });

  it("answers to loopback names and the listen address, plus ALLOWED_HOSTS", () => {
    const settings = readSettings(
      { HOST: "192.168.1.20", ALLOWED_HOSTS: "demo.test" },
      { port: 8001 },
    );
    expect([...settings.allowedHosts.names].sort()).toEqual([
      "127.0.0.1",
      "192.168.1.20",
      "[::1]",
      "demo.test",
      "localhost",
    ]);
  });

  it("takes REDIS_URL and WORKERS together (lesson 3)", () => {
    const settings = readSettings(
      { REDIS_URL: "redis://127.0.0.1:6390", WORKERS: "2" },
      { port: 8001 },
    );
    expect(settings.redisUrl).toBe("redis://127.0.0.1:6390");
    expect(settings.workers).toBe(2);
  });
});
