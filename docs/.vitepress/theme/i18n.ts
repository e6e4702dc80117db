// The site's two locales, as the theme's components see them. A component
// that shows text reads the page's locale and takes its words from a table
// with one entry per locale; TypeScript (and test/i18n.test.ts) make sure
// no locale's table misses a word.
import { computed, type ComputedRef } from "vue";
import { useData } from "vitepress";

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** The locale of a page's `lang` attribute (ko-KR -> ko; anything else -> en). */
export function localeOf(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith("ko") ? "ko" : "en";
}

/** The current page's locale, for a component's setup(). */
export function useLocale(): ComputedRef<Locale> {
  const { lang } = useData();
  return computed(() => localeOf(lang.value));
}

/**
 * English text in, the locale's text out: for data written in English
 * (diagram labels, recording titles), translated in one table per locale.
 * An English text the table does not know is shown as it is.
 */
export function translate(
  text: string,
  locale: Locale,
  table: Readonly<Record<string, string>>,
): string {
  return locale === "en" ? text : (table[text] ?? text);
}
