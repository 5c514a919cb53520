/**
 * The web host as `npm run bench:bodies` measures it: startWebHost (the real host, library and
 * API) in its own process so that its RSS is the host's alone. argv: maxLargeBodies. Prints the
 * URL on the first line; stops on SIGTERM.
 */
import { startWebHost } from '../../node/web/server.ts';

const maxLargeBodies = Number(process.argv[2]);
const host = await startWebHost({ port: 0, demo: false, maxLargeBodies });
console.log(host.url);
process.once('SIGTERM', () => {
  void host.close().then(() => process.exit(0));
});
