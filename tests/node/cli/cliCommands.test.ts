import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import { readBaselineFile } from '../../../node/diagnosis/jsonFiles.ts';
import { auscult, createCliFolder, CWRU, FS, removeFolder, root, runNode } from './cliFixture.ts';

let folder: string;
const run = (...args: string[]) => auscult(folder, ...args);

beforeAll(async () => {
  folder = await createCliFolder({ cwru: true });
});

afterAll(async () => {
  await removeFolder(folder);
});

function expectDiagnosisShape(report: Record<string, unknown>, file: string): void {
  expect(Object.keys(report)).toEqual([
    'file',
    'sampleRateHz',
    'durationSeconds',
    'anomalous',
    'anomalyScore',
    'threshold',
    'scoreScale',
    'findings',
    'causes',
    'speeds',
  ]);
  expect(report.file).toBe(file);
  expect(typeof report.anomalous).toBe('boolean');
  expect(report.anomalyScore).toEqual(expect.any(Number));
  expect(report.threshold).toEqual(expect.any(Number));
  for (const finding of report.findings as Record<string, unknown>[]) {
    expect(['peak', 'band', 'envelope', 'impulsive']).toContain(finding.kind);
    expect(Object.keys(finding).sort()).toEqual([
      'detail',
      'detailItem',
      'excessDb',
      'frequencyHz',
      'kind',
    ]);
    expect(finding.detail).toEqual(expect.any(String));
    expect(finding.detailItem).toEqual({ code: expect.any(String), params: expect.any(Object) });
  }
  for (const cause of report.causes as Record<string, unknown>[]) {
    expect(CAUSE_IDS).toContain(cause.id);
    expect(SEVERITIES).toContain(cause.severity);
    expect(cause.confidence).toBeGreaterThan(0);
    expect(cause.confidence).toBeLessThanOrEqual(1);
    expect(cause.evidence).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(cause.action).toEqual(expect.any(String));
    expect((cause.evidenceItems as unknown[]).length).toBe((cause.evidence as unknown[]).length);
    expect(cause.actionItem).toEqual({ code: cause.id, params: {} });
  }
  const confidences = (report.causes as { confidence: number }[]).map((c) => c.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
}

describe('auscult: work done exits 0', () => {
  it('documents every command in --help', async () => {
    const result = await run('--help');
    expect(result.status).toBe(0);
    for (const text of ['baseline --profile', 'diagnose --baseline', 'analyze', 'Exit status']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('documents a command’s options in <command> --help', async () => {
    const result = await run('diagnose', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--rpm SHAFT=RPM[\s\S]*--json[\s\S]*findings\[\]\.kind/);
  });

  it('runs through bin/auscult.mjs, the npx entry', async () => {
    const result = await runNode(join(root, 'bin', 'auscult.mjs'), ['analyze', '--help'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: auscult analyze');
  });

  it('builds a baseline, writes it, and prints one summary line', async () => {
    const result = await run(
      'baseline',
      '--profile',
      'profile.json',
      '--out',
      'new.json',
      'healthy.wav',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Baseline written to new\.json: 6 items from 1 recording, threshold \d+\.\d\d \(healthy scores up to \d+\.\d\d\)\.\n$/,
    );
    const baseline = await readBaselineFile(join(folder, 'new.json'));
    expect(baseline.sources).toEqual([
      { name: 'healthy.wav', sampleRateHz: FS, durationSeconds: 6 },
    ]);
  });

  it('prints the same diagnosis JSON, byte for byte, on every run', async () => {
    const first = await run('diagnose', '--baseline', 'b.json', '--json', 'rec.wav');
    const second = await run('diagnose', '--baseline', 'b.json', '--json', 'rec.wav');
    expect(first.status, first.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expectDiagnosisShape(JSON.parse(first.stdout), 'rec.wav');
  });

  it('says "no usable signal: check the microphone" for five seconds of digital silence', async () => {
    await writeFile(join(folder, 'silence.wav'), encodeWav([new Float64Array(5 * FS)], FS));
    const text = await run('diagnose', '--baseline', 'b.json', 'silence.wav');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Verdict: No usable signal: check the microphone\n');
    expect(text.stdout).toContain('digital silence (5.00 s)');
    expect(text.stdout).not.toMatch(/score|ANOMALOUS|confidence/i);
    const zh = await run('diagnose', '--baseline', 'b.json', '--lang', 'zh-CN', 'silence.wav');
    expect(zh.stdout).toContain('结论：没有可用信号：请检查麦克风');
    const json = JSON.parse(
      (await run('diagnose', '--baseline', 'b.json', '--json', 'silence.wav')).stdout,
    );
    expect(json).toMatchObject({ anomalous: false, causes: [], findings: [] });
    expect(json.input).toMatchObject({
      usable: false,
      verdict: 'No usable signal: check the microphone',
      problems: [{ code: 'digital-silence', severity: 'unusable', params: { durationSeconds: 5 } }],
    });
    const analysis = await run('analyze', 'silence.wav');
    expect(analysis.stdout).toContain('Verdict: No usable signal: check the microphone');
  });

  it('diagnoses with --rpm and prints a readable report', async () => {
    const result = await run(
      'diagnose',
      '--baseline',
      'b.json',
      '--rpm',
      'spindle=1490',
      'rec.wav',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^rec\.wav: 16000 Hz, 2\.0 s\nVerdict: (ANOMALOUS|normal) \(score \d/,
    );
  });

  it('words the report in Simplified Chinese with --lang zh-CN, codes unchanged', async () => {
    const args = ['diagnose', '--baseline', 'cwru-b.json', '--rpm', 'motor-shaft=1772'];
    const file = join(CWRU, 'outer-race-021-1hp-235.wav');
    const en = JSON.parse((await run(...args, '--json', file)).stdout);
    const zh = await run(...args, '--lang', 'zh-CN', '--json', file);
    expect(zh.status, zh.stderr).toBe(0);
    const report = JSON.parse(zh.stdout);
    expectDiagnosisShape(report, file);
    expect(report.causes.map((c: { evidenceItems: unknown }) => c.evidenceItems)).toEqual(
      en.causes.map((c: { evidenceItems: unknown }) => c.evidenceItems),
    );
    const sentences: string[] = [
      ...report.findings.map((f: { detail: string }) => f.detail),
      ...report.causes.flatMap((c: { evidence: string[]; action: string }) => [
        ...c.evidence,
        c.action,
      ]),
    ];
    expect(sentences.length).toBeGreaterThan(3);
    for (const sentence of sentences) expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(en.causes[0].evidence[0]).toMatch(/^envelope peaks at/);
    const text = await run(...args, '--lang', 'zh-CN', file);
    expect(text.stdout).toMatch(/\n结论：异常（分数 \d/);
    expect(text.stdout).toContain('轴承外圈故障');
  });

  it('diagnoses with a profile alone, kinematic evidence only', async () => {
    const result = await run('diagnose', '--profile', 'profile.json', '--json', 'rec.wav');
    expect(result.status, result.stderr).toBe(0);
    expectDiagnosisShape(JSON.parse(result.stdout), 'rec.wav');
  });

  it('flags a real outer-race fault against a real healthy baseline (CWRU, 12 kHz vs 48 kHz)', async () => {
    const file = join(CWRU, 'outer-race-021-1hp-235.wav');
    const result = await run(
      'diagnose',
      '--baseline',
      'cwru-b.json',
      '--rpm',
      'motor-shaft=1772',
      '--json',
      file,
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expectDiagnosisShape(report, file);
    expect(report.sampleRateHz).toBe(12000);
    expect(report.anomalous).toBe(true);
  });

  it('analyses a recording as one JSON object of the documented shape', async () => {
    const result = await run('analyze', '--json', 'rec.wav');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'file',
      'sampleRateHz',
      'durationSeconds',
      'analysedMaxHz',
      'levelUnit',
      'statistics',
      'spectrum',
      'envelope',
    ]);
    expect(report.file).toBe('rec.wav');
    expect(report.levelUnit).toBe('dBFS');
    expect(Object.keys(report.statistics)).toEqual([
      'rms',
      'rmsDb',
      'peak',
      'crestFactor',
      'kurtosis',
    ]);
    expect(report.spectrum.peaks.length).toBeGreaterThan(0);
    expect(Object.keys(report.spectrum.peaks[0])).toEqual([
      'frequencyHz',
      'levelDb',
      'prominenceDb',
    ]);
    expect(report.envelope.demodulationBandHz).toHaveLength(2);
  });

  it('analyses a recording as text', async () => {
    const result = await run('analyze', 'rec.wav');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /Statistics: RMS [\s\S]*Spectrum peaks[\s\S]*Envelope spectrum of the/,
    );
  });

  it('reads a recording whose data chunk was cut off, with a warning on stderr', async () => {
    const result = await run('analyze', '--json', 'cut-data.wav');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).file).toBe('cut-data.wav');
    expect(result.stderr).toMatch(/^auscult: warning: "cut-data\.wav": [^\n]+\n$/);
  });
});
