/**
 * The command line's entry: runs it on this process's arguments. Built as dist/cli/auscult.js
 * (scripts/buildCli.ts); Node 24 also runs it from source: `node node/cli/run.ts --help`.
 */
import { main } from './main.ts';

await main();
