/**
 * The one-page diagnosis report of a real recording (CWRU outer-race fault, 0.021 in, against a
 * baseline from the healthy CWRU record): read back with pdfjs in both languages and on both
 * papers, its fonts checked in the file, and its page rendered to PNG under
 * test-output/reports/ with checks on where the ink is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectionViews } from '../../../node/api/selection.ts';
import { extractFileFeatures } from '../../../node/diagnosis/featuresFromFile.ts';
import { buildBaselineFromSegments } from '../../../node/diagnosis/pipeline.ts';
import { diagnosisPdf } from '../../../node/reports/diagnosisPdf.ts';
import type { DiagnosisPdfInput } from '../../../node/reports/diagnosisPdf.ts';
import type { Language } from '../../../shared/api/contract.ts';
import { diagnoseDetailed } from '../../../shared/diagnosis/diagnose.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { PAPER_POINTS, PAPER_SIZES } from '../../../shared/reports/paper.ts';
import { pdfFonts, readPdf, renderPdfPage } from '../../helpers/pdfReader.ts';
import { CWRU } from '../cli/cliFixture.ts';

let input: DiagnosisPdfInput;

beforeAll(async () => {
  const meta = JSON.parse(await readFile(join(CWRU, 'normal-97-0hp-48k.json'), 'utf8'));
  const profile = parseMachineProfile(meta.profile);
  const { result: baseline } = await buildBaselineFromSegments(
    [{ path: join(CWRU, 'normal-97-0hp-48k.wav') }],
    profile,
  );
  const { features } = await extractFileFeatures(join(CWRU, 'outer-race-021-1hp-235.wav'));
  const detail = diagnoseDetailed({
    fileName: 'outer-race-021-1hp-235.wav',
    features,
    baseline,
    profile: null,
    rpmOverrides: {},
  });
  input = {
    machineName: '主轴 Spindle 3',
    recording: {
      name: 'outer-race-021-1hp-235.wav',
      recordedAt: '2026-03-04T05:06:07.089Z',
      durationSeconds: detail.report.durationSeconds,
      sampleRateHz: detail.report.sampleRateHz,
    },
    region: { startSeconds: 1, endSeconds: 9.5 },
    report: detail.report,
    hasBaseline: true,
    spectrum: selectionViews(
      features,
      { id: 'b', model: baseline.model },
      detail.comparison,
      detail.frequencies,
    ),
    faultStatus: 'repair-planned',
    generatedAt: new Date('2026-03-05T08:00:00Z'),
  };
}, 120_000);

/** Known answers for this recording: the diagnosis names the outer race first, anomalous. */
const EXPECTED: Record<Language, { cause: string; status: string; verdict: string }> = {
  en: { cause: 'Bearing outer-race defect', status: 'Repair planned', verdict: 'Anomalous' },
  'zh-CN': { cause: '轴承外圈故障', status: '已计划维修', verdict: '异常' },
};

describe('diagnosisPdf', () => {
  it('diagnoses the recording as the known outer-race fault (the report the PDFs print)', () => {
    expect(input.report.anomalous).toBe(true);
    expect(input.report.causes[0].id).toBe('bearing-outer-race');
    expect(input.spectrum.anomalies.length).toBeGreaterThan(0);
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    for (const paper of PAPER_SIZES) {
      it(`is one ${paper} page in ${lang} holding the machine, the cause and its numbers`, async () => {
        const bytes = await diagnosisPdf(input, { language: lang, paper });
        const pdf = await readPdf(bytes);
        expect(pdf.pageCount).toBe(1);
        expect(pdf.pageSizes[0].widthPt).toBeCloseTo(PAPER_POINTS[paper].widthPt, 1);
        expect(pdf.pageSizes[0].heightPt).toBeCloseTo(PAPER_POINTS[paper].heightPt, 1);
        // pdfjs may split a line into pieces; compare without the spaces it joins them with.
        const text = pdf.text.replace(/\s+/g, '');
        const expected = EXPECTED[lang];
        expect(text).toContain('主轴Spindle3');
        const squeezed = (words: string) => words.replace(/\s+/g, '');
        expect(text).toContain(squeezed(expected.cause));
        expect(text).toContain(squeezed(expected.status));
        expect(text).toContain(expected.verdict);
        const top = input.report.causes[0];
        expect(text).toContain(`${(top.confidence * 100).toFixed(0)}`);
        expect(text).toContain(input.report.anomalyScore.toFixed(2));
        expect(text).toContain('2026-03-0405:06UTC');
        const fonts = pdfFonts(bytes);
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(font).toMatchObject({ embedded: true, toUnicode: true });
          expect(font.baseFont).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
        }
        // Subsets: only the glyphs used, not the 10 MB font.
        expect(bytes.length).toBeLessThan(400_000);
      });
    }
  }

  it('stays one page with many long causes, counting those it leaves out', async () => {
    const causes = Array.from({ length: 4 }, () => input.report.causes).flat();
    const crowded = { ...input, report: { ...input.report, causes } };
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const paper of PAPER_SIZES) {
        const pdf = await readPdf(await diagnosisPdf(crowded, { language: lang, paper }));
        expect(pdf.pageCount).toBe(1);
        expect(pdf.text).toMatch(
          lang === 'en' ? /\d+ less likely causes not shown/ : /另有 \d+ 个/,
        );
      }
    }
  });

  it('words a recording outside the speeds of its baseline as that, never as normal', async () => {
    const report = {
      ...input.report,
      anomalous: false,
      anomalyScore: 0,
      findings: [],
      causes: [],
      outsideSpeeds: {
        code: 'outside-baseline-speeds' as const,
        params: { shaftId: 'spindle', rpm: 1921, lowRpm: 1221, highRpm: 1756 },
      },
    };
    const outside = { ...input, report };
    const en = await readPdf(await diagnosisPdf(outside, { language: 'en', paper: 'letter' }));
    const enText = en.text.replace(/\s+/g, ' ');
    expect(enText).toContain('Outside the speeds of the baseline: spindle at 1921 rpm');
    expect(enText).toContain('1221–1756 rpm');
    expect(enText).toContain('add healthy recordings at this speed');
    const zh = await readPdf(await diagnosisPdf(outside, { language: 'zh-CN', paper: 'a4' }));
    expect(zh.text.replace(/\s+/g, '')).toContain('超出基线的转速范围');
  });

  it('names the level axis’s unit: dBFS/Hz, or dB SPL/Hz for a calibrated recording', async () => {
    const calibrated = { ...input, spectrum: { ...input.spectrum, levelUnit: 'dB SPL' as const } };
    const axes = {
      en: ['Level (dBFS/Hz)', 'Level (dB SPL/Hz)'],
      'zh-CN': ['电平（dBFS/Hz）', '电平（dB SPL/Hz）'],
    };
    for (const lang of ['en', 'zh-CN'] as const) {
      const squeezed = async (data: DiagnosisPdfInput) =>
        (await readPdf(await diagnosisPdf(data, { language: lang, paper: 'a4' }))).text.replace(
          /\s+/g,
          '',
        );
      const [fullScale, spl] = axes[lang].map((axis) => axis.replace(/\s+/g, ''));
      const plain = await squeezed(input);
      expect(plain).toContain(fullScale);
      expect(plain).not.toContain('SPL');
      const absolute = await squeezed(calibrated);
      expect(absolute).toContain(spl);
      expect(absolute).not.toContain('dBFS');
    }
    const bytes = await diagnosisPdf(calibrated, { language: 'en', paper: 'letter' });
    const page = await renderPdfPage(bytes, 1, 'diagnosis-en-letter-dB-SPL');
    // The rotated axis title, left of the plot.
    expect(page.inkShare({ x: 0.078, y: 0.3, width: 0.014, height: 0.12 })).toBeGreaterThan(0.02);
  });

  it('renders with ink in the chart, the flagged bands and the signature lines', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const paper = lang === 'en' ? 'letter' : 'a4';
      const bytes = await diagnosisPdf(input, { language: lang, paper });
      const page = await renderPdfPage(bytes, 1, `diagnosis-${lang}-${paper}`);
      // The chart's plot spans about 17–50 % of the page's height: lines, band and markers.
      expect(page.inkShare({ x: 0.15, y: 0.2, width: 0.8, height: 0.25 })).toBeGreaterThan(0.05);
      // The margins stay blank.
      expect(page.inkShare({ x: 0, y: 0, width: 0.05, height: 1 })).toBe(0);
      // The signature lines near the foot of the page.
      expect(page.inkShare({ x: 0.08, y: 0.85, width: 0.84, height: 0.1 })).toBeGreaterThan(0.002);
    }
  });
});
