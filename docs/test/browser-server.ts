// Vitest's global setup: one Chromium for the whole run. Each test file
// connects to it (see browser.ts) instead of launching its own, and each
// page a test opens gets a fresh context, so tests still share no cookies
// or storage. Where there is no Chromium, nothing is launched, and the
// browser tests skip with haveChromium()'s loud reason.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, chromiumPath } from "@repo/demo-kit/testing";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint; empty when there is none. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    project.provide("chromiumEndpoint", "");
    return;
  }
  const server = await chromium.launchServer({
    executablePath: chromiumPath,
    args: chromiumArgs,
    host: "127.0.0.1",
    port: 0,
  });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
