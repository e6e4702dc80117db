/**
 * Options for `vi.waitFor` when what it waits for happens in another
 * process: a server's /stats, a close the server sees, a line a child
 * prints, a page in Chromium. Vitest's default of 1 s is about one slow
 * round trip on a loaded 2-core machine (`npm test` runs three tasks at
 * once), and a check still pending at the deadline fails as "Timed out in
 * waitFor!" without a second try. A wait that passes returns as soon as
 * its check does; only a real failure takes the whole 10 s.
 */
export const BUSY_MACHINE_WAIT = { timeout: 10_000, interval: 50 } as const;
