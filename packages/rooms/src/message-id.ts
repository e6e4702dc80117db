/**
 * Orders two message ids. Every id the servers hand out is `<a>-<b>`, two
 * whole numbers: in one process the history's life and counter, on Redis
 * the stream entry id (milliseconds and sequence). Ids of other shapes
 * come before every id of ours. Used by the page to show messages in the
 * server's order and to remember the last one for `after`.
 */
export function compareMessageIds(a: string, b: string): number {
  const left = partsOf(a);
  const right = partsOf(b);
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  return left[0] !== right[0]
    ? Math.sign(left[0] - right[0])
    : Math.sign(left[1] - right[1]);
}

function partsOf(id: string): [number, number] | undefined {
  const match = /^(\d{1,15})-(\d{1,15})$/.exec(id);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
