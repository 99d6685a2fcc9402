import type { Locale } from '@phx/schema';
import type { EngineResults } from '../engine/protocol.js';
import { translate } from '../i18n/index.js';
import { byId, h } from './dom.js';

/**
 * The indicator catalogue and the rule codes, from the same @phx/schema data the validator uses,
 * each in a disclosure that is closed until wanted.
 */
export function renderReference(reference: EngineResults['reference'], locale: Locale): void {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, number>): string => translate(locale, key, params);
  byId('indicators-title', HTMLElement).textContent = t('reference.indicators', { count: reference.indicators.length });
  byId('rules-title', HTMLElement).textContent = t('reference.rules', { count: reference.rules.length });
  const header = (...keys: Parameters<typeof translate>[1][]): HTMLElement => h('thead', {}, h('tr', {}, ...keys.map((key) => h('th', { scope: 'col' }, t(key)))));

  byId('indicators-body', HTMLElement).replaceChildren(
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'indicators-title', tabindex: 0 },
      h(
        'table',
        { class: 'reference-table' },
        header('reference.code', 'reference.name', 'reference.unit', 'reference.framework'),
        h(
          'tbody',
          {},
          ...reference.indicators.map((indicator) =>
            h(
              'tr',
              { id: `indicator-${indicator.code}` },
              h('td', {}, h('code', {}, indicator.code)),
              h('td', {}, h('strong', {}, indicator.name), h('p', { class: 'description' }, indicator.description)),
              h('td', {}, indicator.unit),
              h('td', {}, indicator.framework, h('br'), h('small', {}, indicator.reference)),
            ),
          ),
        ),
      ),
    ),
  );
  byId('rules-body', HTMLElement).replaceChildren(
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'rules-title', tabindex: 0 },
      h(
        'table',
        { class: 'reference-table' },
        header('reference.code', 'reference.severity', 'reference.meaning'),
        h(
          'tbody',
          {},
          ...reference.rules.map((rule) =>
            h(
              'tr',
              { id: `rule-${rule.code}` },
              h('td', {}, h('code', {}, rule.code)),
              h('td', {}, h('span', { class: `badge ${rule.severity}` }, t(`severity.${rule.severity}`))),
              h('td', { lang: 'en' }, rule.summary),
            ),
          ),
        ),
      ),
    ),
  );
}
