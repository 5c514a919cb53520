/**
 * Speed from the sound on the CWRU records (../shared/data/cwru): each record's shaft speed
 * estimated with the profile of its JSON, against the rpm logged with it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { estimateFileSpeeds } from '../../node/diagnosis/speedFromFile.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { MIN_TRUSTED_CONFIDENCE } from '../../shared/diagnosis/speed/estimate.ts';
import { formatTable, fraction } from './table.ts';

/** The accuracy the issue asks for. */
const MAX_ERROR_PERCENT = 1;

interface RecordInfo {
  readonly rpm: number;
  readonly profile: unknown;
}

/** Runs the speed evaluation on every record of `folder` and returns its report text. */
export async function evaluateSpeed(folder: string): Promise<string> {
  const names = (await readdir(folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
  const rows: string[][] = [];
  let within = 0;
  let trusted = 0;
  for (const name of names) {
    const info = JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as RecordInfo;
    const profile = parseMachineProfile(info.profile);
    const [shaft] = await estimateFileSpeeds(join(folder, `${name}.wav`), profile);
    const errorPercent = (shaft.rpm / info.rpm - 1) * 100;
    if (Math.abs(errorPercent) < MAX_ERROR_PERCENT) within++;
    if (shaft.confidence >= MIN_TRUSTED_CONFIDENCE) trusted++;
    rows.push([
      name,
      info.rpm.toFixed(0),
      shaft.rpm.toFixed(1),
      `${errorPercent >= 0 ? '+' : ''}${errorPercent.toFixed(2)} %`,
      shaft.confidence.toFixed(2),
    ]);
  }
  return [
    `Each record's shaft speed estimated from its sound (searched 0.6–1.4× the profile's rpm); trusted from confidence ${MIN_TRUSTED_CONFIDENCE}.`,
    '',
    formatTable(['recording', 'true rpm', 'estimated rpm', 'error', 'confidence'], rows),
    '',
    formatTable(
      ['records', `within ${MAX_ERROR_PERCENT} %`, 'trusted'],
      [[String(names.length), fraction(within, names.length), fraction(trusted, names.length)]],
    ),
  ].join('\n');
}
