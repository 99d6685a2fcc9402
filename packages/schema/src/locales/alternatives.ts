const formats = new Map<string, Intl.ListFormat>();

/** Values as alternatives in a language, each quoted: `"GB", "UA" or "UG"`, `«GB», «UA» или «UG»`. */
export function alternatives(values: readonly string[], tag: string, quote: (value: string) => string): string {
  let format = formats.get(tag);
  if (!format) formats.set(tag, (format = new Intl.ListFormat(tag, { type: 'disjunction' })));
  return format.format(values.map(quote));
}
