import type { Locale } from '@phx/schema';

/**
 * A count with the form of its noun that the language's plural rules ask for, the number written the
 * language's way: `plural('ru', 3, { one: 'запись', few: 'записи', other: 'записей' })` gives `3 записи`.
 */
export function plural(locale: Locale, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return `${count.toLocaleString(locale)} ${forms[new Intl.PluralRules(locale).select(count)] ?? forms.other}`;
}
