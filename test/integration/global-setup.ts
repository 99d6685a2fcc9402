import buildCli from '../../packages/cli/test/setup/build.js';
import buildPage from '../../packages/web/test/global-setup.js';

/** The faces run as built: the `phx` bin and the page (each rebuilt when its sources changed). */
export default async function setup(): Promise<void> {
  await buildCli();
  await buildPage();
}
