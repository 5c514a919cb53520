/**
 * The hub under test, in a process of its own so that its peak memory is its own (VmHWM in
 * /proc/<pid>/status): `node scripts/benchHub/hubProcess.ts DATABASE_URL WORK_FOLDER`. Starts
 * the hub on a free port of 127.0.0.1, prints one JSON line with its URL, and stops on SIGTERM.
 */
import { startHub } from '../../node/hub/server.ts';

const [databaseUrl, workFolder] = process.argv.slice(2);
if (!databaseUrl || !workFolder) {
  throw new TypeError('usage: hubProcess.ts DATABASE_URL WORK_FOLDER');
}
const hub = await startHub({ databaseUrl, workFolder, port: 0 });
console.log(JSON.stringify({ url: hub.url }));
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
