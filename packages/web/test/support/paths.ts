import { fileURLToPath } from 'node:url';

/** packages/web */
export const packageDir = fileURLToPath(new URL('../..', import.meta.url));
/** The built page. */
export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
/** Where screenshots and downloads of the browser tests go (git-ignored). */
export const resultsDir = fileURLToPath(new URL('../../test-results', import.meta.url));
/** The repository's example data. */
export const examplesDir = fileURLToPath(new URL('../../../../examples/data', import.meta.url));
