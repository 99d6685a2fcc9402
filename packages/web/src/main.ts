import { Engine } from './engine/client.js';
import { startLocale } from './i18n/index.js';
import './styles.css';
import { App } from './ui/app.js';
import { hubThreshold } from './ui/hub-rules.js';

const engine = new Engine(() => new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module', name: 'phx-engine' }));
// Served by a hub, the page checks small counts by the hub's rule; opened on its own, by the default.
new App(engine, localStorage, startLocale(localStorage, navigator.languages), hubThreshold(document)).start();
