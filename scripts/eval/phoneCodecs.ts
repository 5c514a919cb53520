/**
 * The simulated lathe through real phone codecs (issue 9): the committed fixtures of
 * tests/fixtures/phone-codecs/ (Opus voip, AMR-NB with and without DTX, AAC 64 kbit/s) judged
 * against a laptop baseline at 48 kHz, beside the same recordings as the laptop's WAV. Node
 * decodes every codec but AAC (the page decodes AAC); AAC rows are decoded by ffmpeg when it is
 * installed, and the table says so, or are left out with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import {
  judgePhoneFile,
  laptopBaseline,
  PHONE_CODEC_FIXTURES,
} from '../../tests/helpers/phoneCodecJudge.ts';
import {
  PHONE_CASES,
  PHONE_CODECS,
  PHONE_SOURCE_RATE_HZ,
  phoneFixtureName,
  phoneSimulation,
  type PhoneCase,
  type PhoneCodec,
} from '../../tests/fixtures/phone-codecs/sources.ts';
import { formatTable, fraction } from './table.ts';

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A column's worth of recordings: how each case is turned into a file the pipeline reads. */
interface Channel {
  readonly label: string;
  readonly path: (c: PhoneCase) => Promise<string>;
}

function channels(folder: string, ffmpegFound: boolean): Channel[] {
  const laptop: Channel = {
    label: 'laptop WAV, 48 kHz',
    path: async (c) => {
      const path = join(folder, `${c.name}.wav`);
      const options = { ...phoneSimulation(c), gainDb: 0 };
      await writeFile(path, encodeWav([simulateMachine(options)], PHONE_SOURCE_RATE_HZ));
      return path;
    },
  };
  const codec = (k: PhoneCodec): Channel => ({
    label: k.decodes ? k.label : `${k.label} (decoded by ffmpeg)`,
    path: async (c) => {
      const fixture = join(PHONE_CODEC_FIXTURES, phoneFixtureName(c, k));
      if (k.decodes) return fixture;
      const path = join(folder, `${c.name}.${k.id}.wav`);
      const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
      execFileSync('ffmpeg', [...quiet, '-i', fixture, '-c:a', 'pcm_s16le', path]);
      return path;
    },
  });
  return [laptop, ...PHONE_CODECS.filter((k) => k.decodes || ffmpegFound).map(codec)];
}

function row(label: string, c: PhoneCase, report: DiagnosisReport): string[] {
  const top = report.causes[0];
  const band = report.judgedBand?.params;
  return [
    label,
    c.name,
    report.anomalous ? 'yes' : 'no',
    `${report.anomalyScore.toFixed(1)} / ${report.threshold.toFixed(1)}`,
    top ? `${top.id} (${top.confidence.toFixed(2)})` : '—',
    band ? `${band.lowHz}–${band.highHz} Hz` : 'full',
  ];
}

/** Runs the real-codec evaluation and returns its report text (no data folder needed). */
export async function evaluatePhoneCodecs(): Promise<string> {
  const ffmpegFound = hasFfmpeg();
  const folder = await mkdtemp(join(tmpdir(), 'auscult-eval-phone-codecs-'));
  try {
    const baseline = await laptopBaseline();
    const rows: string[][] = [];
    const summary: string[][] = [];
    for (const channel of channels(folder, ffmpegFound)) {
      const counts = { flagged: 0, right: 0, falseAlarms: 0, faults: 0, healthy: 0 };
      for (const c of PHONE_CASES) {
        const report = await judgePhoneFile(await channel.path(c), baseline);
        rows.push(row(channel.label, c, report));
        if (c.fault) {
          counts.faults++;
          if (report.anomalous) counts.flagged++;
          if (report.causes[0]?.id === c.fault) counts.right++;
        } else {
          counts.healthy++;
          if (report.anomalous) counts.falseAlarms++;
        }
      }
      summary.push([
        channel.label,
        fraction(counts.flagged, counts.faults),
        fraction(counts.right, counts.faults),
        fraction(counts.falseAlarms, counts.healthy),
      ]);
    }
    const aac = ffmpegFound
      ? 'AAC is decoded by ffmpeg here (Node has no AAC decoder; the page decodes AAC).'
      : 'AAC left out: ffmpeg was not found to decode it (Node has no AAC decoder).';
    const header =
      `Baseline: five laptop recordings (48 kHz), threshold ${baseline.threshold.toFixed(2)}; ` +
      `phone recordings 18 dB louder, encoded once by scripts/fixtures/makePhoneCodecFixtures.ts. ${aac}`;
    const table = formatTable(
      ['codec', 'recording', 'flagged', 'score', 'top cause', 'judged on'],
      rows,
    );
    const totals = formatTable(
      ['codec', 'faults flagged', 'right top cause', 'false alarms (healthy)'],
      summary,
    );
    return `${header}\n\n${table}\n\n${totals}`;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
