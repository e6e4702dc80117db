// A Chromium, Chrome or Edge for verify's browser exercises. verify and
// the browser tests look at CHROMIUM_PATH, else at Debian's
// /usr/bin/chromium (packages/demo-kit/src/chromium.ts): anywhere else,
// the browser is found but CHROMIUM_PATH must name it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { findOnPath } from "./on-path.mjs";
import { missing, ok } from "./result.mjs";

const DEFAULT_PATH = "/usr/bin/chromium";

/** Where each OS keeps the browsers, best first. */
export function browserCandidates(
  platform = process.platform,
  env = process.env,
) {
  if (platform === "darwin") {
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  if (platform === "win32") {
    const roots = [
      env.LOCALAPPDATA,
      env.ProgramFiles,
      env["ProgramFiles(x86)"],
    ].filter(Boolean);
    return roots.flatMap((root) => [
      join(root, "Chromium", "Application", "chrome.exe"),
      join(root, "Google", "Chrome", "Application", "chrome.exe"),
      join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
    ]);
  }
  return [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
  ]
    .map((name) => findOnPath(name, env))
    .filter(Boolean);
}

/** How to set CHROMIUM_PATH in this OS's usual shell, for every new terminal. */
export function setChromiumPath(path, platform = process.platform) {
  if (platform === "win32") {
    return `setx CHROMIUM_PATH "${path}" (PowerShell or cmd), then open a new terminal`;
  }
  const profile = platform === "darwin" ? "~/.zshrc" : "~/.bashrc";
  return `add export CHROMIUM_PATH="${path}" to ${profile}, then open a new terminal`;
}

const INSTALL = {
  linux:
    "sudo apt-get install chromium (Debian/Ubuntu), or your distribution's chromium package",
  darwin: "brew install --cask chromium, or install Google Chrome",
  win32:
    "install Google Chrome or use the Edge that Windows has; in WSL2: sudo apt-get install chromium",
};

/**
 * @param {string} [platform]
 * @param {NodeJS.ProcessEnv} [env]
 * @param {(path: string) => boolean} [exists]
 */
export function checkBrowser(
  platform = process.platform,
  env = process.env,
  exists = existsSync,
) {
  const set = env.CHROMIUM_PATH;
  if (set) {
    if (exists(set)) return ok(`browser for verify: ${set} (CHROMIUM_PATH)`);
    return missing(
      `CHROMIUM_PATH is ${set}, and there is nothing there`,
      `correct it, or unset it and run npm run doctor again to find a browser`,
    );
  }
  if (exists(DEFAULT_PATH)) return ok(`browser for verify: ${DEFAULT_PATH}`);
  const found = browserCandidates(platform, env).find((path) => exists(path));
  if (found) {
    return missing(
      `browser found at ${found}, but verify looks only at CHROMIUM_PATH and ${DEFAULT_PATH}`,
      setChromiumPath(found, platform),
    );
  }
  return missing(
    "no Chromium, Chrome or Edge for verify's browser exercises",
    `${INSTALL[platform] ?? INSTALL.linux}, then run npm run doctor again`,
  );
}
