/**
 * A header as one string: Node joins repeated X-Forwarded-For lines with
 * ", " already, but a hand-built headers object may hold an array.
 */
export function joinHeader(
  value: string | readonly string[] | undefined,
): string | undefined {
  return Array.isArray(value)
    ? value.join(", ")
    : (value as string | undefined);
}
