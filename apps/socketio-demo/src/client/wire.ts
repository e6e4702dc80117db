// What the wire panel shows on Socket.IO: every Engine.IO packet, as it
// travels, from the engine's own events (socket.io.engine). A packet on
// the wire is its type's digit then its data: "2" ping, "3" pong,
// "42[...]" an event (4 message, 2 Socket.IO's EVENT), "43[...]" an ack.
// The panel draws them (packages/demo-kit/browser).
import type { Manager } from "socket.io-client";
import { showFrame } from "/assets/kit/wire-panel.js";

type Engine = Manager["engine"];
/** An Engine.IO packet as the engine reports it: its type by name, and its data. */
interface EnginePacket {
  readonly type: string;
  readonly data?: unknown;
}

const TYPE_DIGITS: Record<string, string> = {
  open: "0",
  close: "1",
  ping: "2",
  pong: "3",
  message: "4",
  upgrade: "5",
  noop: "6",
};

/** Shows every packet of the manager's engine, and of each engine a reconnection makes. */
export function showPacketsOf(manager: Manager): void {
  showEnginePackets(manager.engine);
  // The manager makes the new engine right after this event, before any
  // packet travels: watch it once this handler has returned.
  manager.on("reconnect_attempt", () =>
    queueMicrotask(() => showEnginePackets(manager.engine)),
  );
}

// #region engine-packets
function showEnginePackets(engine: Engine): void {
  engine.on("packet", (packet) => showFrame("in", onTheWire(packet)));
  engine.on("packetCreate", (packet) => showFrame("out", onTheWire(packet)));
  // The upgrade probes WebSocket beside polling, on a transport the engine
  // does not report packets for; it says so once the probe worked: 2probe
  // went out and 3probe came back. Then it sends 5 and switches.
  engine.on("upgrading", () => {
    showFrame("out", "2probe");
    showFrame("in", "3probe");
  });
  engine.on("upgrade", () => showFrame("out", "5"));
}

/** The packet's text as sent: its type's digit, then its data. Binary data goes as it is. */
function onTheWire(packet: EnginePacket): unknown {
  const data = packet.data;
  if (data === undefined || typeof data === "string")
    return `${TYPE_DIGITS[packet.type] ?? "?"}${data ?? ""}`;
  return data;
}
// #endregion engine-packets
