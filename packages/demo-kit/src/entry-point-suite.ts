// A Vitest suite both apps run against their built entry point, as an
// attendee runs it: a bad setting or a busy port ends it at once with a
// message that says what to do.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { lanAddresses, lanLines } from "./network-addresses.js";

export function describeEntryPoint(name: string, entry: string): void {
  function run(env: Record<string, string>) {
    return spawnSync(process.execPath, [entry], {
      env: { ...process.env, HOST: "127.0.0.1", ...env },
      encoding: "utf8",
      timeout: 10_000,
    });
  }

  describe(`${name}: the entry point`, () => {
    it("explains a bad setting and exits 1", () => {
      const result = run({ PORT: "abc" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `${name}: PORT="abc" is not valid: use a whole number from 0 to 65535.`,
      );
    });

    it("explains a port in use and exits 1", async () => {
      const blocker = createServer().listen(0, "127.0.0.1");
      await once(blocker, "listening");
      const { port } = blocker.address() as AddressInfo;
      try {
        const result = run({ PORT: String(port) });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(`port ${port} is already in use`);
      } finally {
        blocker.close();
      }
    });

    it("in LAN mode, prints where the room can open it", async () => {
      // Listens on 0.0.0.0 on a free port; nothing connects to it.
      const child = spawn(process.execPath, [entry], {
        env: { ...process.env, HOST: "0.0.0.0", PORT: "0" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => (output += chunk));
      try {
        const ready = new RegExp(`${name} ready at http://localhost:(\\d+)`);
        let port: string | undefined;
        await expect
          .poll(() => (port = ready.exec(output)?.[1]), { timeout: 10_000 })
          .toBeDefined();
        const expected = lanLines(name, Number(port), lanAddresses());
        await expect
          .poll(() => expected.every((line) => output.includes(line)), {
            timeout: 5000,
          })
          .toBe(true);
      } finally {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    });
  });
}
