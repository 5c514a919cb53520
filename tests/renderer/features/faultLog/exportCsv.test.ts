import { describe, expect, it } from 'vitest';
import type { FaultLogEntry } from '../../../../shared/api/contract.ts';
import { faultLogCsv } from '../../../../shared/faultLog/csv.ts';
import {
  faultLogCsvBlob,
  faultLogFileName,
} from '../../../../renderer/features/faultLog/exportCsv.ts';
import { csvRecords, readCsv } from '../../../helpers/csvReader.ts';

const ENTRY: FaultLogEntry = {
  id: 'e-1',
  createdAt: '2025-03-04T05:06:07.089Z',
  note: '主轴异响',
  diagnosisId: 'd-1',
  machineId: 'm-1',
  machineName: '车床 2',
  recordingId: 'r-1',
  recordingName: 'rec.wav',
  anomalous: true,
  anomalyScore: 3.5,
  causeId: 'unbalance',
  componentId: null,
  severity: 'moderate',
  confidence: 0.5,
  status: 'open',
  archived: false,
  recordedBy: '',
  followUpRecordingId: null,
};

describe('faultLogFileName', () => {
  it.each([
    [new Date(2025, 0, 5, 23, 59), 'fault-log-2025-01-05.csv'],
    [new Date(2025, 11, 31, 0, 0), 'fault-log-2025-12-31.csv'],
  ])('names the export of %s %j (the local date)', (now, expected) => {
    expect(faultLogFileName(now)).toBe(expected);
  });
});

describe('faultLogCsvBlob', () => {
  it('is UTF-8 CSV that starts with the byte-order mark and keeps Chinese', async () => {
    const blob = faultLogCsvBlob(new TextEncoder().encode(faultLogCsv([ENTRY], 'zh-CN')).buffer);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = readCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(file.byteOrderMark).toBe(true);
    const [record] = csvRecords(file);
    expect(record['设备']).toBe('车床 2');
    expect(record['备注']).toBe('主轴异响');
    expect(record['状态']).toBe('待处理');
  });
});
