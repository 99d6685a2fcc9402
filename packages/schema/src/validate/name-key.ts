/**
 * A name as it is compared with the names of codes: trimmed, in lower case, its spaces single, its dashes hyphens, its
 * `ё` an `е`, as Russian is mostly typed (`Молодежь` for `Молодёжь`), and its apostrophes the keyboard's, as Ukrainian
 * is mostly typed (`В'язниця` for `В’язниця`, `Об'єднані` for `Обʼєднані`).
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2010-\u2014]/g, '-').replace(/ё/g, 'е').replace(/[\u2019\u02bc`\u00b4]/g, "'");
}
