import { dateOrders, memoryAtHand, type DateOrder, type Locale } from '@phx/schema';
import { Engine, EngineStoppedError } from '../engine/client.js';
import { EngineError, type EngineResults, type FileIssue, type FileSummary, type ValidateEvent } from '../engine/protocol.js';
import { languageNames, rememberLocale, translate, uiTexts, type TextKey } from '../i18n/index.js';
import { byId, h, saveFile } from './dom.js';
import type { InteropPanel } from './interop-panel.js';
import { IssuesView } from './issues-view.js';
import { RecordDialog } from './record-dialog.js';
import { renderReference } from './reference-view.js';
import { summaryCards, verdictOf, type SummaryActions } from './summary-view.js';

/** What the progress area shows about the file being checked. */
interface Progress {
  name: string;
  size: number;
  bytes: number;
  phase: 'reading' | 'checking';
  errors: number;
  warnings: number;
}

/** Where the date order chosen is kept on this computer, as the language is. */
const DATE_ORDER_KEY = 'phx-web-date-order';

/** The order of day and month a value names (the select's, the one kept), or none: read as the cells tell. */
const dateOrderOf = (value: string | null): DateOrder | undefined => dateOrders.find((order) => order === value);

/** What 03/04/2020 is in each order of day and month. */
const readings: Record<DateOrder, number> = { 'day-month': Date.UTC(2020, 3, 3), 'month-day': Date.UTC(2020, 2, 4) };

/** The progress of a file whose reading starts. */
function progressOf({ name, size }: { name: string; size: number }): Progress {
  return { name, size, bytes: 0, phase: 'reading', errors: 0, warnings: 0 };
}

/**
 * The validator page: choosing or dropping files, the progress of a check and its cancelling, the
 * results, the language switch and the reference tables. All checking happens in the engine worker.
 */
export class App {
  #locale: Locale;
  /** Number of the current check; the outcome of an older, stopped one is ignored. */
  #run = 0;
  #progress: Progress | undefined;
  #status: () => string = () => '';
  #summaries: FileSummary[] = [];
  /** The files of the last check, and the encoding to read each in when it is not UTF-8, to check them again. */
  #files: File[] = [];
  #encodings: (string | undefined)[] = [];
  /** The order of day and month of dates such as 03/04/2020, when the user says it: `phx validate --date-order`. */
  #dateOrder: DateOrder | undefined;
  /** The exports and GAM readiness of valid packages, loaded when the page first shows one. */
  #interop: InteropPanel | undefined;
  #interopLoading = false;
  readonly #reference = new Map<Locale, Promise<EngineResults['reference']>>();
  readonly #issues: IssuesView;
  readonly #dialog = new RecordDialog();
  readonly #input = byId('file-input', HTMLInputElement);

  /**
   * @param suppressionThreshold The rule small counts are checked by, given by the hub that serves the page: said
   * on the page, and files are checked by it as the hub checks them; none, the page opened on its own, checks by
   * @phx/schema's default (5).
   */
  constructor(
    private readonly engine: Engine,
    private readonly storage: Storage,
    locale: Locale,
    private readonly suppressionThreshold?: number,
  ) {
    this.#locale = locale;
    this.#dateOrder = dateOrderOf(storage.getItem(DATE_ORDER_KEY));
    this.#issues = new IssuesView(locale, (issue) => void this.#showRecord(issue));
  }

  /** Connects the controls and shows the page in its language. */
  start(): void {
    const language = byId('language', HTMLSelectElement);
    language.replaceChildren(
      ...(Object.keys(uiTexts) as Locale[]).map((locale) => h('option', { value: locale, lang: locale, selected: locale === this.#locale }, languageNames[locale])),
    );
    language.addEventListener('change', () => void this.setLocale(language.value as Locale));
    const dateOrder = byId('date-order', HTMLSelectElement);
    dateOrder.addEventListener('change', () => void this.setDateOrder(dateOrderOf(dateOrder.value)));
    this.#input.addEventListener('change', () => {
      void this.check([...(this.#input.files ?? [])]);
      // Choosing the same file again (after fixing it) must start a new check.
      this.#input.value = '';
    });
    byId('cancel', HTMLButtonElement).addEventListener('click', () => this.cancel());
    const zone = byId('drop-zone', HTMLElement);
    // Files dropped anywhere on the page are checked; the browser must not open them instead.
    window.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    window.addEventListener('dragleave', (event) => {
      if (event.relatedTarget === null) zone.classList.remove('dragging');
    });
    window.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      void this.check([...(event.dataTransfer?.files ?? [])]);
    });
    this.#applyTexts();
  }

  /** Checks files, each read in its encoding of `encodings` when it is not UTF-8; a check already running is stopped first. */
  async check(files: File[], encodings: (string | undefined)[] = []): Promise<void> {
    if (files.length === 0) return;
    this.#files = files;
    this.#encodings = encodings;
    const run = ++this.#run;
    // Only a check in progress is stopped: the reference and message requests are quick.
    if (this.#progress) this.engine.stop();
    this.#progress = progressOf(files[0]!);
    this.#renderProgress();
    this.#setStatus(() => '');
    byId('results', HTMLElement).hidden = true;
    byId('progress', HTMLElement).hidden = false;
    const issues: FileIssue[] = [];
    const locale = this.#locale;
    const onEvent = (event: ValidateEvent): void => {
      if (run !== this.#run) return;
      if (event.kind === 'start') this.#progress = progressOf(event);
      else if (event.kind === 'progress') Object.assign(this.#progress!, { bytes: event.bytes, phase: event.phase });
      else {
        issues.push(...event.issues);
        Object.assign(this.#progress!, { errors: event.errors, warnings: event.warnings });
      }
      this.#renderProgress();
    };
    try {
      // The worker reads workbooks, CSV files and the .phx.json files it holds in a heap of its own, which it cannot
      // measure: the page's, which loaded the same scripts, stands for it.
      const request = { op: 'validate', files, locale, encodings, dateOrder: this.#dateOrder, suppressionThreshold: this.suppressionThreshold, maxReadMemory: memoryAtHand() } as const;
      const summaries = await this.engine.request(request, onEvent);
      if (run !== this.#run) return;
      this.#summaries = summaries;
      this.#interop?.reset(summaries);
      this.#issues.show(issues, summaries);
      if (this.#locale !== locale) await this.#relabelIssues();
      this.#renderSummaries();
      byId('results', HTMLElement).hidden = false;
      this.#setStatus(() => summaries.map((summary) => verdictOf(summary, this.#locale)).join(' '));
    } catch (error) {
      if (run !== this.#run) return;
      this.#setStatus(() => (error instanceof EngineStoppedError ? this.#t('progress.cancelled') : this.#failed(error)));
    } finally {
      if (run === this.#run) this.#endProgress();
    }
  }

  /** Stops the check in progress; nothing of it is shown. */
  cancel(): void {
    this.#run++;
    this.engine.stop();
    this.#endProgress();
    this.#setStatus(() => this.#t('progress.cancelled'));
    this.#input.focus();
    // Stopping the engine may have ended a reference request too.
    void this.#showReference();
  }

  /** Shows the page, the results and the messages of the issues in another language, and remembers it. */
  async setLocale(locale: Locale): Promise<void> {
    this.#locale = locale;
    rememberLocale(this.storage, locale);
    this.#applyTexts();
    this.#renderSummaries();
    this.#setStatus(this.#status);
    if (this.#progress) this.#renderProgress();
    await Promise.all([this.#relabelIssues(), this.#interop?.relabel()]);
  }

  /** Reads dates such as 03/04/2020 in an order, or as their cells tell (`undefined`), remembers it, and checks the files shown again. */
  async setDateOrder(order: DateOrder | undefined): Promise<void> {
    this.#dateOrder = order;
    this.storage.setItem(DATE_ORDER_KEY, order ?? '');
    if (this.#files.length > 0) await this.check(this.#files, this.#encodings);
  }

  #t(key: TextKey, params?: Record<string, string | number>): string {
    return translate(this.#locale, key, params);
  }

  /** Why a check or a download stopped, in the reader's language when the engine said why. */
  #failed(error: unknown): string {
    return this.#t('progress.failed', { reason: error instanceof EngineError ? this.#t(`problem.${error.problem}`) : (error as Error).message });
  }

  #applyTexts(): void {
    document.documentElement.lang = this.#locale;
    for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) element.textContent = this.#t(element.dataset.text as TextKey);
    const threshold = byId('hub-threshold', HTMLElement);
    threshold.hidden = !this.suppressionThreshold;
    threshold.textContent = this.#t('files.hubThreshold', { threshold: this.suppressionThreshold ?? '' });
    const longDate = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'long', timeZone: 'UTC' });
    byId('date-order', HTMLSelectElement).replaceChildren(
      h('option', { value: '' }, this.#t('dateOrder.automatic')),
      // Each order in the page's language, with the name the messages and the CLI give it and what 03/04/2020 is in it.
      ...dateOrders.map((order) =>
        h('option', { value: order, selected: order === this.#dateOrder }, `${this.#t(`dateOrder.${order}`)} (${order}): 03/04/2020 → ${longDate.format(readings[order])}`),
      ),
    );
    void this.#showReference();
  }

  async #showReference(): Promise<void> {
    const locale = this.#locale;
    let reference = this.#reference.get(locale);
    if (!reference) {
      reference = this.engine.request({ op: 'reference', locale });
      this.#reference.set(locale, reference);
      // A stopped engine takes the request with it: ask again next time.
      reference.catch(() => this.#reference.delete(locale));
    }
    const loaded = await reference.catch(() => undefined);
    if (loaded && locale === this.#locale) renderReference(loaded, locale);
  }

  async #relabelIssues(): Promise<void> {
    const locale = this.#locale;
    const issues = this.#issues.issues;
    if (issues.length === 0) return this.#issues.relabel(locale, []);
    const messages = await this.engine.request({ op: 'messages', issues: issues.map(({ code, params }) => ({ code, params })), locale }).catch(() => undefined);
    if (messages && locale === this.#locale && issues === this.#issues.issues) this.#issues.relabel(locale, messages);
  }

  readonly #actions: SummaryActions = {
    convert: (file, to) => void this.#convert(file, to),
    // The same files checked again, this one read in the encoding it looks like.
    readAs: (file, encoding) => void this.check(this.#files, Object.assign([...this.#encodings], { [file]: encoding })),
  };

  #renderSummaries(focus?: string): void {
    const interop = this.#interop;
    byId('summary', HTMLElement).replaceChildren(
      ...summaryCards(this.#summaries, this.#locale, this.#actions, (file, summary) => interop?.block(file, summary) ?? false),
    );
    if (focus) document.getElementById(focus)?.focus();
    if (!interop && this.#summaries.some((summary) => summary.exportable)) void this.#loadInterop();
  }

  /** Loads the exports and GAM readiness part of the page, then shows its controls on the cards. */
  async #loadInterop(): Promise<void> {
    if (this.#interopLoading) return;
    this.#interopLoading = true;
    const fail = (error: unknown): void => this.#setStatus(() => this.#failed(error));
    try {
      const { InteropPanel } = await import('./interop-panel.js');
      this.#interop = new InteropPanel(this.engine, { locale: () => this.#locale, render: (focus) => this.#renderSummaries(focus), fail });
      this.#interop.reset(this.#summaries);
      this.#renderSummaries();
    } catch (error) {
      fail(error);
    } finally {
      this.#interopLoading = false;
    }
  }

  #renderProgress(): void {
    const progress = this.#progress;
    if (!progress) return;
    const bar = byId('progress-bar', HTMLProgressElement);
    const fraction = progress.size === 0 ? 1 : Math.min(progress.bytes / progress.size, 1);
    if (progress.phase === 'checking') {
      bar.removeAttribute('value');
      byId('progress-label', HTMLElement).textContent = this.#t('progress.checking', { file: progress.name });
    } else {
      bar.value = fraction;
      const percent = new Intl.NumberFormat(this.#locale, { style: 'percent' }).format(fraction);
      byId('progress-label', HTMLElement).textContent = this.#t('progress.reading', { file: progress.name, percent });
    }
    byId('progress-found', HTMLElement).textContent = this.#t('progress.found', { errors: progress.errors, warnings: progress.warnings });
  }

  #endProgress(): void {
    this.#progress = undefined;
    byId('progress', HTMLElement).hidden = true;
  }

  /** Shows a status line; it is a function so that a change of language can render it again. */
  #setStatus(status: () => string): void {
    this.#status = status;
    byId('status', HTMLElement).textContent = status();
  }

  async #convert(file: number, to: 'json' | 'xlsx'): Promise<void> {
    try {
      const { name, mediaType, content } = await this.engine.request({ op: 'convert', file, to, locale: this.#locale });
      saveFile(name, mediaType, content);
    } catch (error) {
      this.#setStatus(() => this.#failed(error));
    }
  }

  async #showRecord(issue: FileIssue): Promise<void> {
    const { file, path, location, record, field } = issue;
    const view = await this.engine.request({ op: 'record', issue: { file, path, location, record, field } }).catch(() => ({ record, field, unavailable: true as const }));
    this.#dialog.show(view, this.#locale);
  }
}
