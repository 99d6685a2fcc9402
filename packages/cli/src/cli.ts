import packageJson from '../package.json' with { type: 'json' };
import { holdYoungGenerationAtStart } from './io/young-generation.js';

// Held before anything else loads: what the modules make lives as long as the process, and would grow V8's space for
// new objects to a size it keeps.
holdYoungGenerationAtStart();
const { main, processContext } = await import('./main.js');

// Writing to a closed pipe (`phx schema | head`) is not an error of phx.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processContext(packageJson.version));
