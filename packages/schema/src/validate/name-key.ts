/**
 * A name as it is compared with the names of codes: trimmed, in lower case, its spaces single, its dashes hyphens and
 * its `ё` an `е`, as Russian is mostly typed (`Молодежь` for `Молодёжь`).
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2010-\u2014]/g, '-').replace(/ё/g, 'е');
}
