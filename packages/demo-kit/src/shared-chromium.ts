// One Chromium for a whole test run rather than one per test file: a
// Vitest global setup launches it as a server, and every browser test
// connects to it and opens its own pages (each page its own context: no
// cookie or storage carries from one test to the next). A file run where
// no global setup did this (another runner, a config without it) launches
// a browser of its own, as before.
import { inject } from "vitest";
import type { TestProject } from "vitest/node";
import { chromiumArgs, chromiumPath, haveChromium } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's address, set by the global setup. */
    chromiumEndpoint?: string;
  }
}

/** What this module needs of playwright-core's `chromium` (not a dependency of the kit). */
export interface ChromiumType<Browser> {
  launch(options: { executablePath: string; args: string[] }): Promise<Browser>;
  launchServer(options: {
    executablePath: string;
    args: string[];
    host: string;
    port: number;
  }): Promise<{
    wsEndpoint(): string;
    close(): Promise<void>;
  }>;
  connect(wsEndpoint: string): Promise<Browser>;
}

/**
 * A Vitest global setup (`export default shareChromium(chromium)` in the
 * file `globalSetup` names): one Chromium server for the run, closed at
 * its end. Without Chromium it does nothing, and browser tests skip.
 */
export function shareChromium<Browser>(chromium: ChromiumType<Browser>) {
  return async (project: TestProject): Promise<() => Promise<void>> => {
    if (!haveChromium()) return async () => {};
    // On loopback and a free port: nothing outside this machine reaches it.
    const server = await chromium.launchServer({
      executablePath: chromiumPath,
      args: chromiumArgs,
      host: "127.0.0.1",
      port: 0,
    });
    project.provide("chromiumEndpoint", server.wsEndpoint());
    return () => server.close();
  };
}

/**
 * The run's shared Chromium, connected; a browser of its own where no
 * global setup shared one. Close it when done: for a connected browser
 * that closes this file's pages and leaves the server to the others.
 */
export function openChromium<Browser>(
  chromium: ChromiumType<Browser>,
): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint");
  return endpoint
    ? chromium.connect(endpoint)
    : chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
