/**
 * The printed reports through dispatch, on a library with the demo machine and its baseline:
 * the diagnosis report of a stored diagnosis (its fault-log status included) and the fault-log
 * report of the entries some filters let through, read back with pdfjs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  FaultLogEntry,
  MachineSummary,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import { PAPER_POINTS } from '../../../shared/reports/paper.ts';
import { readPdf } from '../../helpers/pdfReader.ts';
import { openDemoApi } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;
let faultyDiagnosis: StoredDiagnosis;
let healthyDiagnosis: StoredDiagnosis;
let entry: FaultLogEntry;

beforeAll(async () => {
  ({ api, demo } = await openDemoApi());
  const recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  const byName = (name: string) => recordings.find((r) => r.name === name) as RecordingSummary;
  [faultyDiagnosis] = (await api.call(
    'diagnoses.list',
    byName('review-2.wav').id,
  )) as StoredDiagnosis[];
  [healthyDiagnosis] = (await api.call(
    'diagnoses.list',
    byName('review-1.wav').id,
  )) as StoredDiagnosis[];
  entry = (await api.call(
    'faultLog.add',
    faultyDiagnosis.id,
    '丝杠有切屑',
    '王工',
  )) as FaultLogEntry;
  await api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Li Wei' });
  await api.call('faultLog.add', healthyDiagnosis.id, 'fine', 'Li Wei');
}, 60_000);
afterAll(async () => {
  await api.close();
});

async function pdf(method: string, ...args: unknown[]) {
  const result = await api.call(method, ...args);
  expect(result).toBeInstanceOf(ArrayBuffer);
  return {
    bytes: new Uint8Array(result as ArrayBuffer),
    read: await readPdf(new Uint8Array(result as ArrayBuffer)),
  };
}

describe('reports.diagnosis', () => {
  it('prints a stored diagnosis on one page with its cause and its fault-log status', async () => {
    const { read } = await pdf('reports.diagnosis', faultyDiagnosis.id, {
      language: 'en',
      paper: 'a4',
    });
    expect(read.pageCount).toBe(1);
    expect(read.pageSizes[0].heightPt).toBeCloseTo(PAPER_POINTS.a4.heightPt, 1);
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain(demo.name);
    expect(text).toContain('review-2.wav');
    // The demo's review-2 is its lead-screw contamination: a known answer.
    expect(faultyDiagnosis.report.causes[0].id).toBe('lead-screw-contamination');
    expect(text.replace(/\s+/g, '')).toContain('Lead-screwcontamination');
    expect(text.replace(/\s+/g, '')).toContain('Fault-logstatus:Acknowledged');
  });

  it('prints in Chinese on Letter, and says a diagnosis without an entry is not in the log', async () => {
    const one = await api.call('diagnoses.run', faultyDiagnosis.recordingId);
    const { read } = await pdf('reports.diagnosis', (one as StoredDiagnosis).id, {
      language: 'zh-CN',
      paper: 'letter',
    });
    expect(read.pageSizes[0].widthPt).toBeCloseTo(PAPER_POINTS.letter.widthPt, 1);
    const text = read.text.replace(/\s+/g, '');
    expect(text).toContain('诊断报告');
    expect(text).toContain('丝杠污染');
    expect(text).toContain('未记入故障日志');
  });

  it('refuses an unknown diagnosis as not-found and bad options as invalid-argument', async () => {
    const missing = await api
      .call('reports.diagnosis', 'no-such-diagnosis', { language: 'en', paper: 'a4' })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).code).toBe('not-found');
    const paper = await api
      .call('reports.diagnosis', faultyDiagnosis.id, { language: 'en', paper: 'a3' })
      .catch((e: unknown) => e);
    expect((paper as ApiError).code).toBe('invalid-argument');
    expect((paper as ApiError).message).toMatch(/\(options\.paper\) must be one of a4, letter/);
  });
});

describe('reports.faultLog', () => {
  it('prints the entries the filters let through, with the filters and the counts', async () => {
    const filters = { ...NO_FILTERS, status: 'acknowledged' as const };
    const { read } = await pdf('reports.faultLog', filters, { language: 'en', paper: 'letter' });
    expect(read.pageCount).toBe(2);
    const [summary, table] = read.pageTexts.map((page) => page.replace(/\s+/g, ''));
    expect(summary).toContain('Faultlogreport');
    expect(summary).toContain('1entry');
    expect(summary).toContain('StatusAcknowledged');
    expect(table).toContain('review-2.wav');
    expect(table).not.toContain('review-1.wav');
    expect(table).toContain(entry.anomalyScore.toFixed(2));
    expect(summary).toContain('Page1of2');
  });

  it('refuses filters with a missing or unknown field', async () => {
    const partial = Object.fromEntries(
      Object.entries(NO_FILTERS).filter(([key]) => key !== 'status'),
    );
    const error = await api
      .call('reports.faultLog', partial, { language: 'en', paper: 'a4' })
      .catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('invalid-argument');
  });
});
