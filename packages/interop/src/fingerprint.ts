/**
 * 32 bits of FNV-1a of a text, from a seed, as 8 hexadecimal digits: the same text gives the same digits, so that
 * what is made from it (a resource's UUID, an imported id) is the same each time.
 */
export function fingerprint(text: string, seed = 0): string {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
