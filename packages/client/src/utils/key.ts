/**
 * A fresh Idempotency-Key: 128 random bits, hex. Uses `getRandomValues`, which (unlike
 * `randomUUID`) browsers also offer outside secure contexts.
 *
 * @example
 * ```ts
 * const key = idempotencyKey(); // '3f9c…' (32 hex digits)
 * ```
 */
export function idempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
