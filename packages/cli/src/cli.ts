import packageJson from '../package.json' with { type: 'json' };
import { main, processContext } from './main.js';

// Writing to a closed pipe (`phx schema | head`) is not an error of phx.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processContext(packageJson.version));
