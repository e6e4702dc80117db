#!/usr/bin/env node
// npm run doctor: checks a laptop before the workshop, one line per check
// with the fix, and exits 1 when something required is missing. Plain
// Node with no dependency: it must run before `npm ci` has.
//
//   node packages/workshop/src/doctor.mjs [--ports 8200,8201]
//
// --ports checks other ports than the workshop's 8000-8002 (the tests
// use it, with a port of their own).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkBrowser } from "./doctor/browser.mjs";
import { checkInstall } from "./doctor/install.mjs";
import { checkPort, WORKSHOP_PORTS } from "./doctor/ports.mjs";
import { checkRedis } from "./doctor/redis.mjs";
import { formatResult } from "./doctor/result.mjs";
import { checkNode, checkNpm } from "./doctor/versions.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));

let ports = WORKSHOP_PORTS;
try {
  const { values } = parseArgs({ options: { ports: { type: "string" } } });
  if (values.ports !== undefined) {
    ports = values.ports.split(",").map((port) => Number(port.trim()));
    if (
      ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65_535)
    ) {
      throw new Error(
        `--ports ${values.ports}: give port numbers, comma-separated`,
      );
    }
  }
} catch (error) {
  console.error(
    `doctor: ${error.message}\nusage: npm run doctor (or node packages/workshop/src/doctor.mjs --ports 8000,8001,8002)`,
  );
  process.exit(2);
}

const { engines } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const results = [
  checkNode(engines),
  checkNpm(engines),
  checkInstall(root),
  ...(await Promise.all(ports.map((port) => checkPort(port)))),
  checkBrowser(),
  checkRedis(),
];
for (const result of results) console.log(formatResult(result));

const failed = results.filter((result) => result.status === "missing").length;
if (failed > 0) {
  console.log(
    `doctor: ${failed} required check${failed === 1 ? "" : "s"} failed; fix ${failed === 1 ? "it" : "them"} as the line says, then run npm run doctor again.`,
  );
  process.exit(1);
}
console.log("doctor: this machine is ready for the workshop.");
