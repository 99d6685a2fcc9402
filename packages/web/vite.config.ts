import { defineConfig, type Plugin, type Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

/**
 * The built page may load its own files and nothing else, and may connect nowhere: the browser
 * itself then guarantees that a file being checked cannot be sent anywhere. Build only: the dev
 * server needs inline scripts and a socket.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'phx-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' }],
  };
}

/** zod ships comments that Rollup cannot place and drops harmlessly; saying so on every build is noise. */
function quietAnnotations(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  warn(warning);
}

export default defineConfig({
  // Relative asset URLs: the page works from any path, e.g. served by `phx serve` at `/` or from a folder.
  base: './',
  plugins: [contentSecurityPolicyMeta()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Browsers that run module workers preload modules natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: { onwarn: quietAnnotations },
  },
});
