import { Engine } from './engine/client.js';
import { startLocale } from './i18n/index.js';
import './styles.css';
import { App } from './ui/app.js';

const engine = new Engine(() => new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module', name: 'phx-engine' }));
new App(engine, localStorage, startLocale(localStorage, navigator.languages)).start();
