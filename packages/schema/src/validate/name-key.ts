/** A name as it is compared with the names of codes: trimmed, in lower case, its spaces single and its dashes hyphens. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2010-\u2014]/g, '-');
}
