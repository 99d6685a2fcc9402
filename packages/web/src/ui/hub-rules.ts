/**
 * The name of the `<meta>` element by which a hub serving the page tells it its suppression threshold, as
 * `@phx/server` writes it into the page it serves. The page's policy lets it request nothing (`connect-src 'none'`),
 * so the hub's rule comes with the page itself.
 */
export const THRESHOLD_META = 'phx-suppression-threshold';

/**
 * The suppression threshold of the hub that serves the page: the whole number from 1 of its `<meta>`
 * ({@link THRESHOLD_META}), else none, and the page checks small counts by @phx/schema's default (5), as it does
 * opened on its own.
 */
export function hubThreshold(page: Pick<Document, 'querySelector'>): number | undefined {
  const content = page.querySelector<HTMLMetaElement>(`meta[name="${THRESHOLD_META}"]`)?.content.trim() ?? '';
  const threshold = Number(content);
  return /^[1-9]\d*$/.test(content) && Number.isSafeInteger(threshold) ? threshold : undefined;
}
