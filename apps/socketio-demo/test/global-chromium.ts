// The run's one Chromium (vitest.config.ts's globalSetup): the browser
// tests connect to it rather than each file launching its own.
import { chromium } from "playwright-core";
import { shareChromium } from "@repo/demo-kit/testing";

export default shareChromium(chromium);
