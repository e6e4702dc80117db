// The run's one Chromium (vitest.config.ts's globalSetup): the browser
// suites connect to it rather than each launching its own.
import { chromium } from "playwright-core";
import { shareChromium } from "@repo/demo-kit/testing";

export default shareChromium(chromium);
