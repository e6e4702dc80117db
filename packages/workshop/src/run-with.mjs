#!/usr/bin/env node
// Runs an npm script with some settings, in every shell:
//
//   node packages/workshop/src/run-with.mjs NOTE_BUGS=1 HOST=0.0.0.0 ws
//
// is what `NOTE_BUGS=1 HOST=0.0.0.0 npm run ws` does in bash, which
// PowerShell and cmd do not understand. The root package.json names the
// variants the workshop uses (`npm run ws:note-bugs`, `npm run ws:lan`...)
// with it. Any other setting goes in the .env file at the repository's
// root instead. Settings given here win over .env, as the shell's would.
import { spawn } from "node:child_process";

const USAGE =
  "usage: node packages/workshop/src/run-with.mjs NAME=value [NAME=value...] npm-script [args...]";

const args = process.argv.slice(2);
const settings = [];
while (args.length > 0 && /^[A-Z][A-Z0-9_]*=/.test(args[0])) {
  settings.push(args.shift());
}
const [script, ...scriptArgs] = args;
if (!script || settings.length === 0) {
  console.error(`run-with: name at least one setting and a script.\n${USAGE}`);
  process.exit(2);
}

// npm tells the scripts it runs where its own CLI is: running that file
// with this Node needs no shell and no `npm.cmd` lookup on Windows.
const npmCli = process.env.npm_execpath;
if (!npmCli) {
  console.error(
    "run-with: start it through npm (for example npm run ws:lan), which says where npm is.",
  );
  process.exit(2);
}

const env = { ...process.env };
for (const setting of settings) {
  const equals = setting.indexOf("=");
  env[setting.slice(0, equals)] = setting.slice(equals + 1);
}
console.log(`run-with: ${settings.join(" ")}, then npm run ${script}`);

const npmArgs = [npmCli, "run", script];
if (scriptArgs.length > 0) npmArgs.push("--", ...scriptArgs);
const child = spawn(process.execPath, npmArgs, { env, stdio: "inherit" });
// Ctrl-C reaches every process of the terminal, the demo included: let it
// shut down cleanly, and end with its exit code. A SIGTERM sent to this
// process alone is passed on.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
child.on("error", (error) => {
  console.error(`run-with: could not start npm: ${error.message}`);
  process.exit(1);
});
