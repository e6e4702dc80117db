// Which language verify answers in: `--lang en|ko` when given, else the
// one the terminal's locale names, else English.

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale of the environment. On Linux and macOS the variables decide,
 * in POSIX order: LC_ALL over LC_MESSAGES over LANG (`ko_KR.UTF-8`). On
 * Windows none is usually set, and the system's own locale (what Intl
 * reports, `ko-KR`) decides. Anything but Korean is answered in English.
 */
export function localeOfEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  systemLocale: () => string = () =>
    Intl.DateTimeFormat().resolvedOptions().locale,
): Locale {
  const named = env.LC_ALL || env.LC_MESSAGES || env.LANG || systemLocale();
  return /^ko(?![a-z])/i.test(named) ? "ko" : "en";
}
