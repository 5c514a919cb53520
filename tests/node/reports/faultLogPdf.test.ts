/**
 * The fault-log report of a few hundred entries over three machines and ten months: the summary
 * page (filters, counts, charts) and the table over as many pages as needed, its header on each,
 * read back with pdfjs in both languages and rendered to PNG under test-output/reports/.
 */
import { describe, expect, it } from 'vitest';
import { faultLogPdf, MAX_TABLE_ROWS } from '../../../node/reports/faultLogPdf.ts';
import type { FaultLogPdfInput } from '../../../node/reports/faultLogPdf.ts';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { CAUSE_IDS } from '../../../shared/diagnosis/report.ts';
import { NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import { FAULT_STATUSES } from '../../../shared/faultLog/workflow.ts';
import { PAPER_POINTS } from '../../../shared/reports/paper.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { pdfFonts, readPdf, renderPdfPage } from '../../helpers/pdfReader.ts';

const MACHINES = [
  { id: 'm1', name: '立式加工中心 X 轴' },
  { id: 'm2', name: 'Lathe 7' },
  { id: 'm3', name: 'Grinder' },
];

function entries(count: number): FaultLogEntry[] {
  const start = Date.parse('2025-01-03T08:00:00Z');
  const dayMs = 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const machine = MACHINES[i % 3];
    const causeId = i % 7 === 6 ? null : CAUSE_IDS[i % 5];
    return {
      id: `e${i}`,
      createdAt: new Date(start + Math.floor((i * 300 * dayMs) / count)).toISOString(),
      note: '',
      diagnosisId: `d${i}`,
      machineId: machine.id,
      machineName: machine.name,
      recordingId: `r${i}`,
      recordingName: `rec-${String(i).padStart(4, '0')}.wav`,
      anomalous: causeId !== null,
      anomalyScore: 2 + (i % 11) * 0.75 + (i % 3),
      causeId,
      componentId: causeId ? 'spindle-bearing' : null,
      severity: causeId ? 'moderate' : null,
      confidence: causeId ? 0.7 : null,
      status: FAULT_STATUSES[i % FAULT_STATUSES.length],
      archived: false,
      recordedBy: i % 2 ? '王工' : 'Li Wei',
      followUpRecordingId: null,
    } satisfies FaultLogEntry;
  }).reverse();
}

/** An expert's correction on the diagnosis of entry e1. */
const VERDICT: ExpertVerdict = {
  id: 'v1',
  diagnosisId: 'd1',
  machineId: 'm2',
  recordingId: 'r1',
  decision: 'correct',
  causeId: 'looseness',
  otherCause: '',
  automaticCauseId: 'misalignment',
  componentId: null,
  severity: 'moderate',
  action: '',
  comment: '',
  expertName: 'Dr Wen',
  createdAt: '2025-02-01T10:00:00.000Z',
  updatedAt: '2025-02-01T10:00:00.000Z',
  version: 1,
};

function input(count: number): FaultLogPdfInput {
  return {
    entries: entries(count),
    filters: { ...NO_FILTERS, text: 'spindle', fromMs: Date.parse('2025-01-01T00:00:00Z') },
    machineNames: new Map(MACHINES.map((m) => [m.id, m.name])),
    verdicts: new Map([['d1', VERDICT]]),
    generatedAt: new Date('2025-11-01T09:30:00Z'),
  };
}

describe('faultLogPdf', () => {
  it('puts filters, counts and charts first, then the table with its header on every page', async () => {
    const bytes = await faultLogPdf(input(300), { language: 'en', paper: 'letter' });
    const pdf = await readPdf(bytes);
    // 300 rows of 12 pt on Letter's 696 pt of table height: 6 pages after the summary.
    expect(pdf.pageCount).toBeGreaterThanOrEqual(6);
    for (const size of pdf.pageSizes) {
      expect(size.widthPt).toBeCloseTo(PAPER_POINTS.letter.widthPt, 1);
    }
    const pages = pdf.pageTexts.map((text) => text.replace(/\s+/g, ''));
    expect(pages[0]).toContain('Faultlogreport');
    expect(pages[0]).toContain('300entries');
    expect(pages[0]).toContain('Text“spindle”');
    expect(pages[0]).toContain('EntriesbycauseEntriesbystatus');
    expect(pages[0]).toContain('Entriespermonth,bycause');
    expect(pages[0]).toContain('2025-01');
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Page${i + 1}of${pages.length}`);
      if (i > 0) expect(page).toContain('Recordedat(ISO8601,UTC)MachineRecording');
    }
    // Every entry is in the table once, newest first.
    const all = pages.slice(1).join('');
    // The expert's verdict beside its entry, in words, with who gave it and when.
    expect(all).toContain('Corrected:Mechanicallooseness');
    expect(all).toContain('Expertverdict:Corrected:Mechanicallooseness·DrWen,2025-02-0110:00UTC');
    for (let i = 0; i < 300; i += 37) {
      expect(all).toContain(`rec-${String(i).padStart(4, '0')}.wav`);
    }
    expect(all.indexOf('rec-0299.wav')).toBeLessThan(all.indexOf('rec-0000.wav'));
    for (const font of pdfFonts(bytes))
      expect(font).toMatchObject({ embedded: true, toUnicode: true });
  });

  it('words it in Chinese on A4, machine names and causes included', async () => {
    const bytes = await faultLogPdf(input(40), { language: 'zh-CN', paper: 'a4' });
    const pdf = await readPdf(bytes);
    expect(pdf.pageSizes[0].heightPt).toBeCloseTo(PAPER_POINTS.a4.heightPt, 1);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('故障日志报告');
    expect(text).toContain('立式加工中心X轴');
    expect(text).toContain('按原因统计');
    expect(text).toContain('不平衡');
    expect(text).toContain('第1页，共2页');
    expect(text).toContain('专家结论');
    expect(text).toContain('专家结论：更正：');
    const page = await renderPdfPage(bytes, 1, 'fault-log-zh-CN-a4-summary');
    // The two charts fill the lower half of the summary page.
    expect(page.inkShare({ x: 0.1, y: 0.5, width: 0.8, height: 0.4 })).toBeGreaterThan(0.03);
    await renderPdfPage(bytes, 2, 'fault-log-zh-CN-a4-table');
  });

  it('renders the English summary page with bars and lines where the charts are', async () => {
    const bytes = await faultLogPdf(input(300), { language: 'en', paper: 'letter' });
    const page = await renderPdfPage(bytes, 1, 'fault-log-en-letter-summary');
    expect(page.inkShare({ x: 0.1, y: 0.5, width: 0.8, height: 0.4 })).toBeGreaterThan(0.03);
    await renderPdfPage(bytes, 2, 'fault-log-en-letter-table');
  });

  it('says when no entry matches, and cuts a very long table with a note', async () => {
    const none = await readPdf(await faultLogPdf(input(0), { language: 'en', paper: 'a4' }));
    expect(none.pageCount).toBe(1);
    expect(none.text).toContain('No entry matches these filters.');
    const many = input(MAX_TABLE_ROWS + 5);
    const cut = await readPdf(await faultLogPdf(many, { language: 'en', paper: 'a4' }));
    expect(cut.pageTexts[1].replace(/\s+/g, ' ')).toContain(
      `The table lists the newest ${MAX_TABLE_ROWS} of ${MAX_TABLE_ROWS + 5} entries.`,
    );
  }, 60_000);
});
