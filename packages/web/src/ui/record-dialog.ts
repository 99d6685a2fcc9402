import type { Locale } from '@phx/schema';
import type { RecordView } from '../engine/protocol.js';
import { translate } from '../i18n/index.js';
import { byId, h } from './dom.js';
import { recordLabel } from './issue-list.js';

/**
 * The dialog that shows an issue's record: the record as JSON, or the lines around the issue when
 * the text does not parse. A modal `<dialog>`: focus moves in, Escape closes, focus returns.
 */
export class RecordDialog {
  readonly #dialog = byId('record-dialog', HTMLDialogElement);

  constructor() {
    byId('record-close', HTMLButtonElement).addEventListener('click', () => this.#dialog.close());
  }

  show(view: RecordView, locale: Locale): void {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>): string => translate(locale, key, params);
    byId('record-heading', HTMLElement).textContent = `${t('record.heading')}: ${recordLabel(view.record, locale)}`;
    const body = byId('record-body', HTMLElement);
    const field = view.field && h('p', {}, t('record.field'), ' ', h('code', {}, view.field));
    if (view.json !== undefined) {
      const lines = view.json.split('\n').map((line, i) => h('span', { class: i === view.focus && 'focus-line' }, line));
      body.replaceChildren(field || '', h('pre', { class: 'record-lines', tabindex: 0 }, ...lines));
    } else if (view.excerpt) {
      const { firstLine, lines, focus } = view.excerpt;
      const width = String(firstLine + lines.length).length;
      const text = lines.map((line, i) => h('span', { class: firstLine + i === focus && 'focus-line' }, `${String(firstLine + i).padStart(width)} │ ${line}`));
      body.replaceChildren(field || '', h('p', {}, t('record.excerpt')), h('pre', { class: 'record-lines', tabindex: 0 }, ...text));
    } else {
      body.replaceChildren(h('p', {}, t('record.unavailable')));
    }
    if (!this.#dialog.open) this.#dialog.showModal();
    body.querySelector('.focus-line')?.scrollIntoView({ block: 'center' });
  }
}
