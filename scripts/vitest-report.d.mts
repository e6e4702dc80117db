/** The JSON report's path for the running npm script (see vitest-report.mjs). */
export function jsonReportFile(): string;
