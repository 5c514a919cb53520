/**
 * `auscult log export` as a user runs it: a real library folder made by the demo seeding (its
 * recordings and diagnoses), entries saved and moved through the fault-log workflow, the command
 * run as a process, the CSV read back with an RFC 4180 reader and the PDF with pdfjs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../node/library/library.ts';
import {
  addDiagnosisToFaultLog,
  transitionFaultLogEntry,
} from '../../../node/workflows/faultLog.ts';
import type { FaultLogEntry, MachineSummary } from '../../../shared/api/contract.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { csvRecords, readCsv } from '../../helpers/csvReader.ts';
import { readPdf } from '../../helpers/pdfReader.ts';
import { auscult, expectOneLineError, removeFolder, root } from './cliFixture.ts';
import type { Run } from './cliFixture.ts';

const MACHINE_NAME = '立式加工中心，X 轴';
const NOTE = '=1+1, "丝杠" 有切屑\r\n下一班前清理';

let folder: string;
let home: string;
let demo: MachineSummary;
let faulty: FaultLogEntry;
let acknowledged: FaultLogEntry;
const run = (...args: string[]) => auscult(folder, ...args);

/** The demo library, its machine renamed in Chinese, a second machine without entries. */
async function seedLibrary(): Promise<void> {
  const library = await openLibrary(home);
  try {
    [demo] = await library.store.machines.list();
    const profile = await library.store.machines.profile(demo.id);
    await library.store.machines.updateProfile(demo.id, { ...profile, name: MACHINE_NAME });
    await library.store.machines.insert(
      parseMachineProfile({ id: 'mill', name: 'Mill 2', lineFrequencyHz: 50 }),
    );
    // The demo diagnoses its two review recordings: review-1 is normal, review-2 anomalous.
    const recordings = await library.store.recordings.list(demo.id);
    const diagnosisOf = async (name: string) => {
      const recording = recordings.find((r) => r.name === name);
      return (await library.store.diagnoses.list(recording?.id ?? ''))[0];
    };
    const faultyDiagnosis = await diagnosisOf('review-2.wav');
    const healthyDiagnosis = await diagnosisOf('review-1.wav');
    faulty = await addDiagnosisToFaultLog(library, faultyDiagnosis.id, NOTE, '王工');
    const second = await addDiagnosisToFaultLog(library, healthyDiagnosis.id, 'ok', 'Li Wei');
    acknowledged = await transitionFaultLogEntry(library, second.id, 'acknowledged', {
      by: 'Li Wei',
    });
  } finally {
    await library.close();
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-log-'));
  home = join(folder, 'library');
  await seedLibrary();
}, 120_000);

afterAll(async () => {
  await removeFolder(folder);
});

/** The command from the sources with AUSCULT_HOME set, as a user's shell would have it. */
function withHome(libraryHome: string, ...args: string[]): Promise<Run> {
  const env = { ...process.env, AUSCULT_HOME: libraryHome };
  const main = join(root, 'node', 'cli', 'run.ts');
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--no-warnings', main, ...args],
      { cwd: folder, env },
      (error, stdout, stderr) => done({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

async function exported(name: string) {
  const text = await readFile(join(folder, name), 'utf8');
  return { text, file: readCsv(text), records: csvRecords(readCsv(text)) };
}

describe('auscult log export', () => {
  it('writes every entry, newest first, as CSV with a BOM and an English header', async () => {
    const result = await run('log', 'export', '--home', home, '--format', 'csv', '--out', 'a.csv');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Fault log exported to a.csv: 2 entries of 2.\n');
    const bytes = await readFile(join(folder, 'a.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { file, records } = await exported('a.csv');
    expect(file.byteOrderMark).toBe(true);
    expect(file.rows[0].slice(0, 3)).toEqual([
      'Entry ID',
      'Recorded at (ISO 8601, UTC)',
      'Machine',
    ]);
    expect(records.map((r) => r['Entry ID'])).toEqual([acknowledged.id, faulty.id]);
    const [second, first] = records;
    expect(first['Machine']).toBe(MACHINE_NAME);
    expect(first['Note']).toBe(`'${NOTE}`);
    expect(first['Recorded by']).toBe('王工');
    expect(first['Status']).toBe('Open');
    expect(second['Status']).toBe('Acknowledged');
    expect(first['Recorded at (ISO 8601, UTC)']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    expect(Date.parse(first['Recorded at (ISO 8601, UTC)'])).toBe(Date.parse(faulty.createdAt));
    expect(Number(first['Anomaly score'])).toBeCloseTo(faulty.anomalyScore, 3);
    // The demo's review-2.wav is the lead-screw recording: known answers, not the entry's copy.
    expect(first['Verdict']).toBe('Anomalous');
  });

  it('writes the top cause with its confidence in percent, as the diagnosis has them', async () => {
    expect(faulty.causeId).not.toBeNull();
    expect(faulty.confidence).toBeGreaterThan(0);
    const { records } = await exported('a.csv');
    const first = records[1];
    expect(Number(first['Confidence (%)'])).toBeCloseTo((faulty.confidence ?? 0) * 100, 1);
    expect(first['Component']).toBe('x-ballscrew');
    expect(first['Likely cause']).toMatch(/^Lead-screw contamination/);
  });

  it('reads the library in AUSCULT_HOME when --home is not given', async () => {
    const result = await withHome(home, 'log', 'export', '--format', 'csv', '--out', 'env.csv');
    expect(result.stdout).toBe('Fault log exported to env.csv: 2 entries of 2.\n');
    expect(await readFile(join(folder, 'env.csv'), 'utf8')).toBe(
      await readFile(join(folder, 'a.csv'), 'utf8'),
    );
  });

  it('writes the header and the words in Chinese with --lang zh-CN', async () => {
    const args = ['--home', home, '--format', 'csv', '--out', 'zh.csv', '--lang', 'zh-CN'];
    expect((await run('log', 'export', ...args)).status).toBe(0);
    const { records } = await exported('zh.csv');
    expect(records[1]['设备']).toBe(MACHINE_NAME);
    expect(records[1]['状态']).toBe('待处理');
    expect(records[0]['状态']).toBe('已确认');
    expect(records[1]['记录人']).toBe('王工');
  });

  it('selects entries by machine (id or name) and by status', async () => {
    const base = ['log', 'export', '--home', home, '--format', 'csv'];
    const byStatus = await run(...base, '--out', 's.csv', '--status', 'acknowledged');
    expect(byStatus.stdout).toBe('Fault log exported to s.csv: 1 entry of 2.\n');
    expect((await exported('s.csv')).records.map((r) => r['Entry ID'])).toEqual([acknowledged.id]);
    const byName = await run(...base, '--out', 'n.csv', '--machine', MACHINE_NAME);
    expect(byName.status).toBe(0);
    expect((await exported('n.csv')).records).toHaveLength(2);
    const byId = await run(...base, '--out', 'i.csv', '--machine', demo.id);
    expect(byId.stdout).toBe('Fault log exported to i.csv: 2 entries of 2.\n');
    const other = await run(...base, '--out', 'm.csv', '--machine', 'Mill 2');
    expect(other.stdout).toBe('Fault log exported to m.csv: 0 entries of 2.\n');
    expect((await exported('m.csv')).file.rows).toHaveLength(1);
  });

  it('writes the same entries as a PDF report, in English on Letter and in Chinese on A4', async () => {
    const base = ['log', 'export', '--home', home, '--format', 'pdf'];
    const en = await run(...base, '--out', 'log.pdf', '--status', 'open');
    expect(en.stderr).toBe('');
    expect(en.stdout).toBe('Fault log exported to log.pdf: 1 entry of 2.\n');
    const english = await readPdf(new Uint8Array(await readFile(join(folder, 'log.pdf'))));
    expect(english.pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
    const [summary, table] = english.pageTexts.map((text) => text.replace(/\s+/g, ''));
    expect(summary).toContain('StatusOpen');
    expect(summary).toContain('Archivedentriesincluded');
    expect(summary).toMatch(/Lead-screwcontamination[^0-9]*1/);
    expect(table).toContain(MACHINE_NAME.replace(/\s+/g, ''));
    expect(table).toContain(faulty.anomalyScore.toFixed(2));
    expect(table).not.toContain('Acknowledged');
    const zh = await run(...base, '--out', 'zh.pdf', '--lang', 'zh-CN', '--machine', demo.id);
    expect(zh.stdout).toBe('Fault log exported to zh.pdf: 2 entries of 2.\n');
    const chinese = await readPdf(new Uint8Array(await readFile(join(folder, 'zh.pdf'))));
    expect(chinese.pageSizes[0].widthPt).toBeCloseTo(595.28, 1);
    const text = chinese.text.replace(/\s+/g, '');
    expect(text).toContain('故障日志报告');
    expect(text).toContain(`设备${MACHINE_NAME.replace(/\s+/g, '')}`);
    expect(text).toContain('丝杠污染');
    expect(text).toContain('已确认');
    const letter = await run(...base, '--out', 'l.pdf', '--lang', 'zh-CN', '--paper', 'letter');
    expect(letter.status).toBe(0);
    const onLetter = await readPdf(new Uint8Array(await readFile(join(folder, 'l.pdf'))));
    expect(onLetter.pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
  });

  it('refuses a missing or unknown format or paper and a wrong status as usage (exit 2)', async () => {
    const base = ['log', 'export', '--home', home, '--out', 'x.csv'];
    expectOneLineError(await run(...base), 2, /--format expects csv or pdf, got none/);
    expectOneLineError(await run(...base, '--format', 'xlsx'), 2, /--format expects csv or pdf/);
    const paper = await run(...base, '--format', 'pdf', '--paper', 'a3');
    expectOneLineError(paper, 2, /--paper expects a4 or letter, got "a3"/);
    const csvPaper = await run(...base, '--format', 'csv', '--paper', 'a4');
    expectOneLineError(csvPaper, 2, /--paper applies to --format pdf only/);
    const status = await run(...base, '--format', 'csv', '--status', 'closed');
    expectOneLineError(status, 2, /--status expects one of open, .*dismissed, got "closed"/);
    expectOneLineError(await run('log'), 2, /log: expected the subcommand export/);
    expectOneLineError(await run('log', 'export', '--format', 'csv'), 2, /--out FILE is required/);
  });

  it('refuses a folder without a library, and an unknown machine, as bad input (exit 1)', async () => {
    const empty = join(folder, 'nothing-here');
    const noLibrary = await run(
      'log',
      'export',
      '--home',
      empty,
      '--format',
      'csv',
      '--out',
      'x.csv',
    );
    expectOneLineError(noLibrary, 1, /no Auscult library in ".*nothing-here"/);
    expect(existsSync(empty)).toBe(false);
    const args = ['--home', home, '--format', 'csv', '--out', 'x.csv', '--machine', 'lathe-9'];
    const unknown = await run('log', 'export', ...args);
    expectOneLineError(unknown, 1, /--machine "lathe-9" names no machine.*Mill 2 \(/);
  });

  it('documents the command in --help and in log --help', async () => {
    expect((await run('--help')).stdout).toContain('log export [--home DIR] --format csv|pdf');
    const help = await run('log', 'export', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--format F[\s\S]*csv or pdf[\s\S]*--paper P/);
  });
});
