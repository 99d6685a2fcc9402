import { isSuppressionThreshold } from '@phx/schema';
import { SUPPRESSION_THRESHOLD_META } from '@phx/schema/api';

/**
 * The suppression threshold of the hub that serves the page: the whole number from 1 of its `<meta>`
 * (`SUPPRESSION_THRESHOLD_META` of `@phx/schema/api`), else none, and the page checks small counts by @phx/schema's default (5), as it does
 * opened on its own.
 */
export function hubThreshold(page: Pick<Document, 'querySelector'>): number | undefined {
  const content = page.querySelector<HTMLMetaElement>(`meta[name="${SUPPRESSION_THRESHOLD_META}"]`)?.content.trim() ?? '';
  const threshold = Number(content);
  // Digits as the hub writes them (no sign, no leading zero); whether the number is a threshold, @phx/schema says.
  return /^[1-9]\d*$/.test(content) && isSuppressionThreshold(threshold) ? threshold : undefined;
}
