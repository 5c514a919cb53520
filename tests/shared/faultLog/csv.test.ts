import { describe, expect, it } from 'vitest';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { BYTE_ORDER_MARK, faultLogCsv, utcIsoTime } from '../../../shared/faultLog/csv.ts';
import { FAULT_LOG_CSV_COLUMNS, faultLogWords } from '../../../shared/i18n/faultLogText.ts';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';
import { csvRecords, readCsv } from '../../helpers/csvReader.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';

const HOSTILE_NOTE = '=HYPERLINK("http://x","click"), then\r\nsee "spindle"\nline, end';

function entry(overrides: Partial<FaultLogEntry> = {}): FaultLogEntry {
  return {
    id: 'e-1',
    createdAt: '2025-03-04T05:06:07.089Z',
    note: 'Worn bearing, replace',
    diagnosisId: 'd-1',
    machineId: 'm-1',
    machineName: '立式加工中心 VMC-850',
    recordingId: 'r-1',
    recordingName: 'x轴丝杠.wav',
    anomalous: true,
    anomalyScore: 12.34567,
    causeId: 'bearing-outer-race',
    componentId: 'spindle-front-bearing',
    severity: 'serious',
    confidence: 0.8766,
    status: 'repair-planned',
    archived: false,
    recordedBy: '王工',
    followUpRecordingId: null,
    ...overrides,
  };
}

const ENTRIES = [
  entry(),
  entry({
    id: 'e-2',
    note: HOSTILE_NOTE,
    machineName: '@machine',
    anomalous: false,
    anomalyScore: 0.5,
    causeId: null,
    componentId: null,
    severity: null,
    confidence: null,
    status: 'verified',
    archived: true,
    recordedBy: '+1 Lee',
    followUpRecordingId: 'r-9',
  }),
];

describe('faultLogCsv', () => {
  it('starts with a byte-order mark, which encodes as EF BB BF, and uses CRLF line ends', () => {
    const text = faultLogCsv(ENTRIES, 'en');
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect([...new TextEncoder().encode(text).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(faultLogCsv(ENTRIES, 'en', { byteOrderMark: false }).startsWith('Entry ID,')).toBe(true);
  });

  it('writes one header row in English or in Chinese', () => {
    const en = readCsv(faultLogCsv(ENTRIES, 'en'));
    const zh = readCsv(faultLogCsv(ENTRIES, 'zh-CN'));
    expect(en.byteOrderMark && zh.byteOrderMark).toBe(true);
    expect(en.rows).toHaveLength(3);
    expect(en.rows[0]).toContain('Anomaly score');
    expect(en.rows[0]).toContain('Confidence (%)');
    expect(zh.rows[0]).toContain('异常分数');
    expect(zh.rows[0]).toContain('置信度（%）');
    expect(new Set(zh.rows[0]).size).toBe(FAULT_LOG_CSV_COLUMNS.length);
  });

  it('keeps Chinese names and words, and numbers with a dot decimal', () => {
    const [first] = csvRecords(readCsv(faultLogCsv(ENTRIES, 'zh-CN')));
    expect(first['设备']).toBe('立式加工中心 VMC-850');
    expect(first['录音']).toBe('x轴丝杠.wav');
    expect(first['记录人']).toBe('王工');
    expect(first['可能原因']).toBe('轴承外圈故障');
    expect(first['严重程度']).toBe('严重');
    expect(first['状态']).toBe('已计划维修');
    expect(first['结论']).toBe('异常');
    expect(first['异常分数']).toBe('12.346');
    expect(first['置信度（%）']).toBe('87.7');
  });

  it('writes causes, severities and statuses as English words', () => {
    const [first, second] = csvRecords(readCsv(faultLogCsv(ENTRIES, 'en')));
    expect(first['Likely cause']).toBe('Bearing outer-race defect');
    expect(first['Severity']).toBe('Serious');
    expect(first['Status']).toBe('Repair planned');
    expect(first['Archived']).toBe('No');
    expect(second['Status']).toBe('Verified');
    expect(second['Archived']).toBe('Yes');
    expect(second['Verdict']).toBe('Normal');
    expect(second['Likely cause']).toBe('');
    expect(second['Confidence (%)']).toBe('');
    expect(second['Follow-up recording ID']).toBe('r-9');
  });

  it('keeps a note with commas, quotes and line breaks whole, and neutralises formulas', () => {
    const [, second] = csvRecords(readCsv(faultLogCsv(ENTRIES, 'en')));
    expect(second['Note']).toBe(`'${HOSTILE_NOTE}`);
    expect(second['Machine']).toBe("'@machine");
    expect(second['Recorded by']).toBe("'+1 Lee");
    const cells = readCsv(faultLogCsv(ENTRIES, 'en')).rows.flat();
    const risky = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !Number.isFinite(+cell));
    expect(risky).toEqual([]);
  });

  it('writes times as ISO 8601 in UTC with Z, which parse back to the stored instant', () => {
    const stored = [entry({ createdAt: '2025-03-04T13:06:07.089+08:00' }), entry()];
    const rows = csvRecords(readCsv(faultLogCsv(stored, 'en')));
    for (const [i, row] of rows.entries()) {
      const time = row['Recorded at (ISO 8601, UTC)'];
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(time)).toBe(Date.parse(stored[i].createdAt));
    }
    expect(utcIsoTime('not a time')).toBe('not a time');
  });

  it('names statuses as the page does', () => {
    expect(faultLogWords('en').statuses).toEqual(en.faultLog.statuses);
    expect(faultLogWords('zh-CN').statuses).toEqual(zhCN.faultLog.statuses);
  });

  it("closes each row with the expert's verdict, in either language", () => {
    const verdict: ExpertVerdict = {
      id: 'v-1',
      diagnosisId: 'd-1',
      machineId: 'm-1',
      recordingId: 'r-1',
      decision: 'correct',
      causeId: 'other',
      otherCause: '=cmd| loose guard',
      automaticCauseId: 'bearing-outer-race',
      componentId: null,
      severity: 'moderate',
      action: '',
      comment: '',
      expertName: 'Dr Wen',
      createdAt: '2025-03-05T01:02:03.004Z',
      updatedAt: '2025-03-05T01:02:03.004Z',
      version: 1,
    };
    const verdicts = new Map([['d-1', verdict]]);
    const [first, second] = csvRecords(readCsv(faultLogCsv(ENTRIES, 'en', { verdicts })));
    expect(first['Expert verdict']).toBe('Corrected');
    expect(first["Expert's cause"]).toBe("'=cmd| loose guard");
    expect(first['Expert']).toBe('Dr Wen');
    expect(first['Verdict at (ISO 8601, UTC)']).toBe('2025-03-05T01:02:03.004Z');
    // Both entries are of the diagnosis d-1; without verdicts the cells are empty.
    expect(second['Expert']).toBe('Dr Wen');
    const without = csvRecords(readCsv(faultLogCsv(ENTRIES, 'en')));
    expect(without.map((row) => row['Expert verdict'] + row['Expert'])).toEqual(['', '']);
    const confirm = { ...verdict, decision: 'confirm' as const, causeId: null, otherCause: '' };
    const [zh] = csvRecords(
      readCsv(faultLogCsv(ENTRIES, 'zh-CN', { verdicts: new Map([['d-1', confirm]]) })),
    );
    expect(zh['专家结论']).toBe('确认');
    expect(zh['专家认定原因']).toBe('轴承外圈故障');
    expect(zh['专家']).toBe('Dr Wen');
  });

  it('gives the header alone for no entries', () => {
    expect(readCsv(faultLogCsv([], 'en')).rows).toHaveLength(1);
  });
});

describe('readCsv (the test reader)', () => {
  it.each([
    ['a,b\n1,2\r\n', 'not CRLF'],
    ['a,b\r\n1\r\n', 'fields'],
    ['a,b\r\n"1"x,2\r\n', 'closing quote'],
    ['a,b\r\nx"y,2\r\n', 'unquoted'],
    ['a,b\r\n1,2', 'CRLF'],
  ])('refuses %j', (text, message) => {
    expect(() => readCsv(text)).toThrow(message);
  });
});
