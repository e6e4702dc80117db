#!/usr/bin/env node
// Prints the transport contract as one table, clause x transport, from the
// Vitest JSON report of this package's contract tests, then each
// transport's declared differences. Exits 1 if a clause failed or is
// missing for a transport.
import { existsSync, readFileSync } from "node:fs";
import type { Capabilities } from "./transport/driver.js";
import { socketIoDriver } from "./drivers/socket-io.js";
import { wsDriver } from "./drivers/ws.js";

interface VitestReport {
  testResults: Array<{
    assertionResults: Array<{
      ancestorTitles: string[];
      title: string;
      status: string;
    }>;
  }>;
}

// The contract's tests run as three tasks (test:ws-demo,
// test:socketio-demo, and test for the suites that start both apps), each
// with its report (scripts/vitest-report.mjs): read them in that order.
const reportPaths = [
  "vitest-ws-demo.json",
  "vitest-socketio-demo.json",
  "vitest.json",
]
  .map((name) => new URL(`../reports/${name}`, import.meta.url))
  .filter((path) => existsSync(path));
if (reportPaths.length === 0) {
  console.error(
    "contract-table: no report; run the contract package's tests first (npm test).",
  );
  process.exit(1);
}
const report: VitestReport = {
  testResults: reportPaths.flatMap(
    (path) =>
      (JSON.parse(readFileSync(path, "utf8")) as VitestReport).testResults,
  ),
};
const PREFIX = "transport contract: ";

const transports: string[] = [];
const clauses: string[] = [];
const cells = new Map<string, string>();
for (const file of report.testResults) {
  for (const test of file.assertionResults) {
    const [suite, ...groups] = test.ancestorTitles;
    if (!suite?.startsWith(PREFIX)) continue;
    const transport = suite.slice(PREFIX.length);
    const clause = [...groups, test.title].join(": ");
    if (!transports.includes(transport)) transports.push(transport);
    if (!clauses.includes(clause)) clauses.push(clause);
    const status =
      test.status === "passed"
        ? "pass"
        : test.status === "failed"
          ? "FAIL"
          : `not run (${test.status})`;
    cells.set(`${clause}\u0000${transport}`, status);
  }
}
// ws first, as the workshop goes.
const ORDER = ["ws", "socket.io", "socket.io (websocket only)"];
const rank = (transport: string) => {
  const index = ORDER.indexOf(transport);
  return index === -1 ? ORDER.length : index;
};
transports.sort((a, b) => rank(a) - rank(b));
if (clauses.length === 0) {
  console.error("contract-table: the report holds no contract tests.");
  process.exit(1);
}

const rows = [
  ["clause", ...transports],
  ...clauses.map((clause) => [
    clause,
    ...transports.map((t) => cells.get(`${clause}\u0000${t}`) ?? "missing"),
  ]),
];
const widths = rows[0]!.map((_, c) =>
  Math.max(...rows.map((row) => row[c]!.length)),
);
const line = (row: string[]) =>
  row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ");
console.log("Transport contract, clause by transport:\n");
console.log(line(rows[0]!));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows.slice(1)) console.log(line(row));

const declared: Array<[string, Capabilities]> = [
  [wsDriver.name, wsDriver.capabilities],
  [
    socketIoDriver(["polling", "websocket"]).name,
    socketIoDriver(["polling", "websocket"]).capabilities,
  ],
  [
    socketIoDriver(["websocket"]).name,
    socketIoDriver(["websocket"]).capabilities,
  ],
];
console.log("\nDeclared differences (capabilities), not hidden in the suite:");
for (const [name, c] of declared) {
  const close = (e: { code?: number; reason?: string | RegExp }) =>
    [
      e.code !== undefined ? `code ${e.code}` : "",
      e.reason !== undefined ? `reason ${String(e.reason)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
  console.log(
    `- ${name}: dead peer dropped within ${c.deadPeerWithinMs} ms; oversize ends with ${close(c.oversizeClose)}; ` +
      `foreign Origin refused with HTTP ${c.foreignOriginRefusal.status} (${c.foreignOriginRefusal.why}); ` +
      `shutdown ends with ${close(c.shutdownClose)}`,
  );
}

const bad =
  [...cells.values()].filter((status) => status !== "pass").length +
  [...rows.slice(1)].flat().filter((cell) => cell === "missing").length;
if (bad > 0) {
  console.error(
    `\ncontract-table: ${bad} clause(s) did not pass on every transport.`,
  );
  process.exit(1);
}
