/**
 * The name of the `<meta>` element by which a hub tells the validator page it serves its suppression threshold, the
 * hub writing it into the page and the page reading it: the page checks small counts by the rule of the hub that serves
 * it. Its Content-Security-Policy lets it request nothing (`connect-src 'none'`), so the rule comes with the page.
 *
 * @example
 * ```ts
 * const threshold = document.querySelector<HTMLMetaElement>(`meta[name="${SUPPRESSION_THRESHOLD_META}"]`)?.content; // '10'
 * ```
 */
export const SUPPRESSION_THRESHOLD_META = 'phx-suppression-threshold';
