import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

/**
 * The addresses other machines on the room's network can reach this one
 * by: one per non-internal IPv4 interface, as Vite prints its "Network:"
 * lines. IPv6 link-local addresses are left out: they need a zone id
 * (`%wlan0`) that browsers do not take in a URL.
 */
export function lanAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  return Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === "IPv4" && !entry.internal)
    .map((entry) => entry.address);
}

/**
 * The lines a demo in LAN mode prints after its ready line: where
 * attendees open it, and lesson 2's room-wide chat (the room field says
 * "lobby" already; each attendee types a name).
 */
export function lanLines(
  name: string,
  port: number,
  addresses: readonly string[],
): string[] {
  if (addresses.length === 0) {
    return [
      `${name} listens on every interface, but this machine has no network address yet: ` +
        "join the Wi-Fi (or plug in the cable), then restart it to see the address to give out",
    ];
  }
  return addresses.map(
    (address) =>
      `${name} Network: http://${address}:${port}/ (Lesson 2's room: http://${address}:${port}/rooms)`,
  );
}
