import { existsSync } from "node:fs";

/** Where browser tests look for Chromium: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Whether browser tests can run here; if not, says so loudly once. */
export function haveChromium(): boolean {
  if (existsSync(chromiumPath)) return true;
  console.warn(
    `\n*** SKIPPING browser tests: no Chromium at ${chromiumPath}. ` +
      "Install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) " +
      "or set CHROMIUM_PATH. CI counts this skip as a failure. ***\n",
  );
  return false;
}

/** Launch flags that keep Chromium quiet on a machine with no internet access. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
