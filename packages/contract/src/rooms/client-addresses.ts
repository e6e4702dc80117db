// Each test client of the rooms is its own client address. The rooms
// count what a client may cost a room per connection and per client
// address (all its connections together); a suite whose hundred clients
// all came from 127.0.0.1 would be one client flooding. Linux and Windows
// route all of 127.0.0.0/8 to loopback, so each client connects from its
// own 127.1.x.y; macOS has only 127.0.0.1 unless more are aliased
// (`sudo ifconfig lo0 alias 127.1.0.1`), and then every client shares it.
import { createServer } from "node:net";

let next = 0;
let usable: Promise<boolean> | undefined;

/** A loopback address no other client of this process has used, or undefined where only 127.0.0.1 works. */
export async function freshClientAddress(): Promise<string | undefined> {
  if (!(await canUseClientAddresses())) return undefined;
  return takeClientAddress();
}

/** The next unused client address; only once canUseClientAddresses() said yes. */
export function takeClientAddress(): string {
  return clientAddress(next++);
}

/** The n-th client address: 127.1.1.1 to 127.1.254.254 (64 516), then round again. */
export function clientAddress(n: number): string {
  return `127.1.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}

/** Whether this machine routes 127.1.x.y to loopback (Linux, Windows; not macOS by default). */
export function canUseClientAddresses(): Promise<boolean> {
  usable ??= canBind("127.1.0.1");
  return usable;
}

function canBind(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => {
      console.warn(
        `\n⚠ rooms tests: cannot use ${address} (only 127.0.0.1 on this machine?): ` +
          "every test client shares one address, and the rooms' per-address budgets will refuse some of them.\n",
      );
      resolve(false);
    });
    server.listen(0, address, () => server.close(() => resolve(true)));
  });
}
