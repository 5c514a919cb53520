/**
 * `auscult report` as a user runs it: a process on real files (the simulated lathe's baseline
 * and a recording, and the CWRU outer-race record against the healthy CWRU baseline), the PDF
 * read back with pdfjs; and its usage errors, each one sentence.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../helpers/pdfReader.ts';
import { auscult, createCliFolder, CWRU, expectOneLineError, removeFolder } from './cliFixture.ts';

let folder: string;
const run = (...args: string[]) => auscult(folder, ...args);
const pdfIn = async (name: string) => readPdf(new Uint8Array(await readFile(join(folder, name))));

beforeAll(async () => {
  folder = await createCliFolder({ cwru: true });
}, 120_000);

afterAll(async () => {
  await removeFolder(folder);
});

describe('auscult report', () => {
  it('writes the one-page report of a real outer-race fault, in English on Letter', async () => {
    const recording = join(CWRU, 'outer-race-021-1hp-235.wav');
    const result = await run('report', '--baseline', 'cwru-b.json', '--out', 'r.pdf', recording);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Diagnosis report written to r\.pdf \(Letter, en\): anomalous, score \d+\.\d\d\.\n$/,
    );
    const pdf = await pdfIn('r.pdf');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('CWRUbearingtestrig(2hpmotor)');
    expect(text).toContain('outer-race-021-1hp-235.wav');
    expect(text).toContain('1.Bearingouter-racedefect');
    // The number the command printed is the one on the page.
    const score = /score (\d+\.\d\d)/.exec(result.stdout)?.[1] ?? 'none';
    expect(text).toContain(`anomalyscore${score}`);
  });

  it('writes it in Chinese on A4 by default with --lang zh-CN, or on the paper asked for', async () => {
    const zh = await run(
      'report',
      '--baseline',
      'b.json',
      '--lang',
      'zh-CN',
      '--out',
      'z.pdf',
      'rec.wav',
    );
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('(A4, zh-CN)');
    const pdf = await pdfIn('z.pdf');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0].heightPt).toBeCloseTo(841.89, 1);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('诊断报告');
    // The verdict the command printed, in Chinese words on the page.
    const verdict = /: (normal|anomalous), score/.exec(zh.stdout)?.[1];
    expect(text).toContain(verdict === 'normal' ? '正常：' : '异常：');
    const letter = await run(
      'report',
      '--baseline',
      'b.json',
      '--lang',
      'zh-CN',
      '--paper',
      'letter',
      '--out',
      'zl.pdf',
      'rec.wav',
    );
    expect(letter.status).toBe(0);
    expect((await pdfIn('zl.pdf')).pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
  });

  it('refuses bad arguments with one sentence and exit 2', async () => {
    expectOneLineError(
      await run('report', '--out', 'x.pdf', 'rec.wav'),
      2,
      /report: --baseline B\.json is required/,
    );
    expectOneLineError(
      await run('report', '--baseline', 'b.json', 'rec.wav'),
      2,
      /report: --out FILE is required/,
    );
    expectOneLineError(
      await run('report', '--baseline', 'b.json', '--out', 'x.pdf', '--paper', 'a3', 'rec.wav'),
      2,
      /report: --paper expects a4 or letter, got "a3"/,
    );
    expectOneLineError(
      await run('report', '--baseline', 'b.json', '--out', 'x.pdf', '--lang', 'fr', 'rec.wav'),
      2,
      /report: --lang expects en or zh-CN, got "fr"/,
    );
    expectOneLineError(
      await run('report', '--baseline', 'b.json', '--out', 'x.pdf', 'rec.wav', 'healthy.wav'),
      2,
      /report: expected exactly one recording, got 2/,
    );
    expectOneLineError(
      await run('report', '--colour', 'red'),
      2,
      /report: Unknown option '--colour'/,
    );
  });

  it('refuses unreadable input with exit 1 and writes nothing', async () => {
    const missing = await run('report', '--baseline', 'b.json', '--out', 'm.pdf', 'nowhere.wav');
    expectOneLineError(missing, 1, /nowhere\.wav/);
    const badBaseline = await run(
      'report',
      '--baseline',
      'malformed.json',
      '--out',
      'm.pdf',
      'rec.wav',
    );
    expectOneLineError(badBaseline, 1, /malformed\.json/);
    await expect(readFile(join(folder, 'm.pdf'))).rejects.toThrow(/ENOENT/);
  });

  it('is in the overview and has its own help', async () => {
    expect((await run('--help')).stdout).toContain('report --baseline B.json');
    const help = await run('report', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: auscult report --baseline B\.json[\s\S]*--paper P/);
  });
});
