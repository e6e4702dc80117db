// Where the compare tool's clients connect from, and whether the machine's
// ephemeral ports can carry them. Every TCP connection from one source
// address to the server's one address and port needs a local port of its
// own, drawn from the ephemeral range (Linux: net.ipv4.ip_local_port_range,
// 32768-60999 by default, 28 232 ports). A Socket.IO client that starts on
// polling holds three connections while it connects: 10 000 of them from
// 127.0.0.1 alone would need 30 000 ports. So the clients spread over many
// loopback addresses, a thousand clients each. Linux (and Windows) route
// all of 127.0.0.0/8 to loopback; macOS has only 127.0.0.1 unless more are
// aliased, and there every client connects from 127.0.0.1.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { SourceBlock, WorkerTransport } from "./client-protocol.js";

/** Clients per source address: 3 000 ports at most, a tenth of Linux's range. */
export const CLIENTS_PER_ADDRESS = 1000;

/**
 * The TCP connections one client holds at once, as the compare tool's
 * clients connect (the handshake figures count them too: "TCP connections
 * per client"). Socket.IO, starting on polling with a kept-alive agent:
 * the handshake's GET, a POST beside the next long-polling GET, then the
 * WebSocket; the server drops the idle polling ones a few seconds later.
 * SSE: the event stream and the kept-alive connection for the replies.
 */
export const connectionsPerClient: Readonly<Record<WorkerTransport, number>> = {
  ws: 1,
  "socket.io": 3,
  "socket.io-websocket": 1,
  sse: 2,
};

/**
 * The source address of a client process's `index`-th client: 127.0.0.1
 * is the server, clients connect from 127.<block>.<worker>.10, .11, ...,
 * CLIENTS_PER_ADDRESS each.
 */
export function sourceAddress(source: SourceBlock, index: number): string {
  const host = 10 + Math.floor(index / CLIENTS_PER_ADDRESS);
  if (host > 254)
    throw new Error(
      `client ${index} of one process: more than ${245 * CLIENTS_PER_ADDRESS} clients per process`,
    );
  return `127.${source.block}.${source.worker}.${host}`;
}

// Each server measured gets its own block of source addresses: a port
// still in TIME_WAIT from the thousands of clients of the server before
// cannot be bound again for a minute, and the kernel's search for a free
// one slows every connect down.
let lastAddressBlock = 0;

/** The next block of source addresses, 1 to 250, round and round. */
export function nextAddressBlock(): number {
  lastAddressBlock = (lastAddressBlock % 250) + 1;
  return lastAddressBlock;
}

let usable: Promise<boolean> | undefined;

/** Whether this machine routes 127.x.y.z to loopback (Linux, Windows; not macOS by default). */
export function canUseSourceAddresses(): Promise<boolean> {
  usable ??= new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(0, sourceAddress({ block: 1, worker: 0 }, 0), () =>
      probe.close(() => resolve(true)),
    );
  });
  return usable;
}

/** The ephemeral port range, and how to widen it on this platform. */
export interface EphemeralPorts {
  readonly low: number;
  readonly high: number;
  readonly widen: string;
}

/** Parses "32768\t60999" (Linux's /proc file, or two sysctl lines). */
export function parsePortRange(
  text: string,
  widen: string,
): EphemeralPorts | null {
  const [low, high] = text.trim().split(/\s+/).map(Number);
  if (!Number.isInteger(low) || !Number.isInteger(high) || high! < low!)
    return null;
  return { low: low!, high: high!, widen };
}

/** This machine's ephemeral port range, or null where it cannot be read. */
export function ephemeralPorts(): EphemeralPorts | null {
  try {
    if (process.platform === "linux")
      return parsePortRange(
        readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8"),
        'sudo sysctl -w net.ipv4.ip_local_port_range="1024 65535"',
      );
    if (process.platform === "darwin")
      return parsePortRange(
        execFileSync("sysctl", [
          "-n",
          "net.inet.ip.portrange.first",
          "net.inet.ip.portrange.last",
        ]).toString(),
        "sudo sysctl -w net.inet.ip.portrange.first=1024",
      );
  } catch {
    // Unknown: the run goes ahead, as it did before this check.
  }
  return null;
}

/** What a step asks of the ephemeral ports. */
export interface PortDemand {
  /** Clients on one server at once. */
  readonly clients: number;
  readonly transports: readonly WorkerTransport[];
  /** False where every client connects from 127.0.0.1 (macOS). */
  readonly spreadOverAddresses: boolean;
}

/**
 * Why `ports` cannot carry `demand`, with the fix; null when they can.
 * The busiest source address must find a free port for every connection
 * its clients hold at once.
 */
export function portShortfall(
  demand: PortDemand,
  ports: EphemeralPorts,
): string | null {
  const available = ports.high - ports.low + 1;
  const clientsPerAddress = demand.spreadOverAddresses
    ? Math.min(demand.clients, CLIENTS_PER_ADDRESS)
    : demand.clients;
  const busiest = [...demand.transports].sort(
    (a, b) => connectionsPerClient[b] - connectionsPerClient[a],
  )[0];
  if (busiest === undefined) return null;
  const needed = clientsPerAddress * connectionsPerClient[busiest];
  if (needed <= available) return null;
  const from = demand.spreadOverAddresses
    ? `${clientsPerAddress} clients per source address`
    : `${clientsPerAddress} clients all from 127.0.0.1 (this machine routes no other loopback address)`;
  return (
    `--clients ${demand.clients} needs more ephemeral ports than this machine has: ` +
    `a ${busiest} client holds up to ${connectionsPerClient[busiest]} TCP connections, ` +
    `so ${from} need ${needed} ports, and the range ${ports.low}-${ports.high} has ${available}. ` +
    `Widen it (${ports.widen}) or use fewer clients.`
  );
}
