/**
 * `npm run eval`: how well the diagnosis does on real recordings (../shared/data, see its
 * README). Prints a table per data set — files, flagged, right top cause, false alarms — and the
 * time each took. It is a report: it exits 0 whatever the results, non-zero only on a crash.
 * The simulator through a phone chain, through real phone codecs (committed fixtures) and
 * across speeds, and with anomalies that match no kinematic pattern follow (they need no data
 * folder). Last, how often the automatic top cause agreed with the experts' verdicts of a library
 * (scripts/eval/verdicts.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableWasmFft } from '../shared/dsp/fft.ts';
import { CWRU_CROSS_LOAD_NOTE, evaluateCrossSpeed } from './eval/crossSpeed.ts';
import { evaluateCwru } from './eval/cwru.ts';
import { evaluateDcase } from './eval/dcase.ts';
import { evaluatePhone } from './eval/phone.ts';
import { evaluatePhoneCodecs } from './eval/phoneCodecs.ts';
import { evaluateSpeed } from './eval/speed.ts';
import { seconds } from './eval/table.ts';
import { evaluateUnexplained } from './eval/unexplained.ts';
import { evalLibraryHome, evaluateVerdicts } from './eval/verdicts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** AUSCULT_DATA points elsewhere when the data sets are not beside the repository. */
const dataFolder = resolve(process.env.AUSCULT_DATA ?? join(root, '..', 'shared', 'data'));

const DATA_SETS = [
  { title: 'CWRU bearing data', folder: 'cwru', run: evaluateCwru },
  { title: 'DCASE 2020 machine id_00 (all healthy)', folder: 'dcase2020-id00', run: evaluateDcase },
  { title: 'Speed from the sound (CWRU)', folder: 'cwru', run: evaluateSpeed },
] as const;

async function main(): Promise<void> {
  // The same FFT backend as the command line, so the figures are the ones `auscult` gives.
  await enableWasmFft();
  console.log(`Auscult evaluation on ${dataFolder}\n`);
  for (const set of DATA_SETS) {
    const folder = join(dataFolder, set.folder);
    console.log(`## ${set.title} (${folder})\n`);
    if (!existsSync(folder)) {
      console.log('not found: skipped\n');
      continue;
    }
    const start = performance.now();
    console.log(await set.run(folder));
    console.log(`\nTime: ${seconds(start)}\n`);
  }
  console.log('## Simulated lathe through a phone (300–3400 Hz, 8 kHz, AGC, compressor, μ-law)\n');
  const start = performance.now();
  console.log(evaluatePhone());
  console.log(`\nTime: ${seconds(start)}\n`);
  console.log('### Real codecs: Opus voip, AMR-NB (calls), AAC 64 kbit/s (voice memos)\n');
  const codecStart = performance.now();
  console.log(await evaluatePhoneCodecs());
  console.log(`\nTime: ${seconds(codecStart)}\n`);
  console.log('## Simulated lathe across speeds: a baseline over 0.85–1.15×\n');
  const crossStart = performance.now();
  console.log(evaluateCrossSpeed());
  console.log(`\n${CWRU_CROSS_LOAD_NOTE}`);
  console.log(`\nTime: ${seconds(crossStart)}\n`);
  console.log('## Simulated lathe: anomalies that match no kinematic pattern\n');
  const unexplainedStart = performance.now();
  console.log(evaluateUnexplained());
  console.log(`\nTime: ${seconds(unexplainedStart)}\n`);
  const home = evalLibraryHome(process.env);
  console.log(`## Experts' verdicts: the automatic top cause against them (${home})\n`);
  console.log(await evaluateVerdicts(home));
}

await main();
