/**
 * Sending valid packages to other systems and their UNAIDS GAM readiness: the controls on each valid
 * package's card, the downloads and the readiness report. The page loads this module (with its texts) only
 * once it shows a valid package, so that the page's own script does not grow with it.
 */
import type { ExportTarget } from '@phx/interop';
import type { Locale } from '@phx/schema';
import type { Engine } from '../engine/client.js';
import type { ExportedFile, FileSummary, GamView } from '../engine/protocol.js';
import { byId, saveFile } from './dom.js';
import { firstChoice, gamReport, interopBlock, type InteropChoice } from './interop-view.js';

/** What the panel needs of the page. */
export interface InteropHost {
  /** The language shown now. */
  locale(): Locale;
  /** Renders the summary cards again, focusing the control with this id if given. */
  render(focus?: string): void;
  /** Says that a request failed. */
  fail(error: unknown): void;
}

/** The GAM readiness report shown, and the file, country and year it is of. */
interface GamShown {
  file: number;
  country: string;
  year: number;
  view: GamView;
}

/**
 * The export and GAM readiness controls of the valid packages of a check, and the report shown.
 *
 * @example
 * ```ts
 * const panel = new InteropPanel(engine, { locale: () => 'en', render: () => renderCards(), fail: console.error });
 * panel.reset(summaries);
 * cards.append(panel.block(0, summaries[0]) || '');
 * ```
 */
export class InteropPanel {
  #summaries: readonly FileSummary[] = [];
  /** What each valid package's card has chosen and exported. */
  #choices = new Map<number, InteropChoice>();
  #gam: GamShown | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly host: InteropHost,
  ) {}

  /** Starts over with the files of a new check: nothing chosen, no report. */
  reset(summaries: readonly FileSummary[]): void {
    this.#summaries = summaries;
    this.#choices.clear();
    this.#showGam(undefined);
  }

  /** The controls for a file's card: false for a file that is not a valid package. */
  block(file: number, summary: FileSummary): HTMLElement | false {
    if (!summary.exportable) return false;
    const choice = this.#choices.get(file) ?? firstChoice(summary.exportable);
    return interopBlock(file, summary.exportable, choice, this.host.locale(), {
      choose: (change) => {
        this.#choices.set(file, { ...choice, ...change });
        // Rendering replaces the controls; keyboard focus stays on the one that was used.
        this.host.render(document.activeElement?.id);
      },
      export: (target) => void this.#export(file, choice, target),
      save: saveExported,
      gam: (country, year) => void this.#requestGam(file, country, year),
    });
  }

  /** Shows the notes of the exports and the readiness report in the language now chosen. */
  async relabel(): Promise<void> {
    const locale = this.host.locale();
    const exported = [...this.#choices].filter(([, choice]) => choice.exported);
    await Promise.all(
      exported.map(async ([file, choice]) => {
        const views = await this.engine.request({ op: 'notes', notes: choice.exported!.notes, locale }).catch(() => undefined);
        if (views && locale === this.host.locale() && this.#choices.get(file) === choice) this.#choices.set(file, { ...choice, exported: { ...choice.exported!, views } });
      }),
    );
    if (exported.length > 0) this.host.render();
    const gam = this.#gam;
    if (!gam) return;
    const view = await this.engine.request({ op: 'gam', file: gam.file, country: gam.country, year: gam.year, locale }).catch(() => undefined);
    if (view && locale === this.host.locale() && this.#gam === gam) this.#showGam({ ...gam, view });
  }

  /** Exports a valid package, saves its data file (when @phx/interop made one), and shows the notes of the export. */
  async #export(file: number, choice: InteropChoice, target: ExportTarget): Promise<void> {
    try {
      const exported = await this.engine.request({ op: 'export', file, target, locale: this.host.locale() });
      const [data] = exported.files;
      if (data) saveExported(data);
      this.#choices.set(file, { ...choice, target, exported });
      this.host.render(`export-${file}`);
    } catch (error) {
      this.host.fail(error);
    }
  }

  async #requestGam(file: number, country: string, year: number): Promise<void> {
    try {
      const view = await this.engine.request({ op: 'gam', file, country, year, locale: this.host.locale() });
      this.#showGam({ file, country, year, view });
      byId('gam-panel', HTMLElement).scrollIntoView({ block: 'start' });
    } catch (error) {
      this.host.fail(error);
    }
  }

  #showGam(gam: GamShown | undefined): void {
    this.#gam = gam;
    const panel = byId('gam-panel', HTMLElement);
    panel.hidden = gam === undefined;
    panel.replaceChildren(...(gam ? gamReport(gam.view, this.#summaries[gam.file]?.name ?? '') : []));
  }
}

/** Saves a file of an export on this computer. */
function saveExported(file: ExportedFile): void {
  saveFile(file.name, file.mediaType, file.content);
}
