import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  reportFileName,
} from '../../../../renderer/features/review/exportFiles.ts';

describe('exportFileName', () => {
  it.each([
    ['review-2.wav', 0.2, 3.8, 'csv', 'review-2-spectrum-0.2-3.8s.csv'],
    ['lathe #3 / run 1.wav', 0.5, 3599.5, 'png', 'lathe_3_run_1-spectrum-0.5-3599.5s.png'],
    ['主轴 录音.wav', 1.234, 2, 'csv', '主轴_录音-spectrum-1.23-2s.csv'],
    ['../../etc/passwd', 0, 1, 'csv', 'etc_passwd-spectrum-0-1s.csv'],
    ['.wav', 0, 1, 'png', 'recording-spectrum-0-1s.png'],
  ] as const)('names the export of %j %d–%d s as %j', (name, start, end, extension, expected) => {
    expect(exportFileName(name, { startSeconds: start, endSeconds: end }, extension)).toBe(
      expected,
    );
  });
});

describe('reportFileName', () => {
  it('names the report of a stretch, or of a diagnosis, after the recording', () => {
    const stretch = { startSeconds: 0.2, endSeconds: 3.8 };
    expect(reportFileName('review-2.wav', stretch)).toBe('review-2-report-0.2-3.8s.pdf');
    expect(reportFileName('主轴 录音.wav', null)).toBe('主轴_录音-report.pdf');
    expect(reportFileName('../x.wav', null)).toBe('x-report.pdf');
  });
});
