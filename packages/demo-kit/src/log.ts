/** Writes one line to the terminal, prefixed with the time of day. */
export type Log = (line: string) => void;

/** The apps' logger: the package never logs, the apps do. */
export function createLog(write: (text: string) => void = console.log): Log {
  return (line) => write(`${new Date().toISOString().slice(11, 23)} ${line}`);
}
