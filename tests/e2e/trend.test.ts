/**
 * The machine page's Trend panel end to end in Chromium with a fresh library: the demo machine's
 * recordings diagnosed through the host's HTTP API, one more recorded live with a bearing defect
 * (so characteristic lines rise), the contaminated one saved to the fault log; the page draws
 * the score chart (its canvas painted, its label naming the points), the line levels and the
 * causes-by-month table, in English and in Chinese, at 1366×768; a machine with no diagnosis
 * shows the empty state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MachineSummary, StoredDiagnosis } from '../../shared/api/contract.ts';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import { recordDemoThroughSession } from '../helpers/demoSession.ts';
import { openSessionForFile, screenshot, screenshotFold } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});
/** The host's API from the test, as the page calls it. */
const api = () => createHttpApi({ origin: new URL(session.host.url).origin });

/** Records 3 s of the demo lathe with a spindle-bearing outer-race defect, as a live session. */
const recordBearingDefect = (machineId: string) =>
  recordDemoThroughSession(api().sessions, machineId, 11, [
    { kind: 'bearing-outer-race', componentId: 'spindle-bearing' },
  ]);

/** Counts the canvas pixels that are not blank in the chart labelled `name`. */
function paintedPixels(name: RegExp): Promise<number> {
  return page
    .getByRole('img', { name })
    .locator('canvas')
    .evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < (data?.length ?? 0); i += 4)
        if ((data as Uint8ClampedArray)[i] > 0) painted++;
      return painted;
    });
}

let demo: MachineSummary;

describe('the Trend panel', () => {
  it('shows the empty state for a machine without diagnoses', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const bare = await api().machines.create({
      id: 'bare',
      name: 'Bare mill',
      lineFrequencyHz: 50,
    });
    await page.goto(`${session.host.url}#/machines/${bare.id}`);
    const panel = page.getByRole('region', { name: 'Trend' });
    await panel.getByText(/A trend needs at least two diagnoses .* has 0\./).waitFor();
  });

  it("draws the demo machine's scores, line levels, fault marker and causes by month", async () => {
    [demo] = await api().machines.list();
    const recordings = await api().recordings.list(demo.id);
    const diagnoses: StoredDiagnosis[] = [];
    for (const r of recordings) diagnoses.push(await api().diagnoses.run(r.id));
    await recordBearingDefect(demo.id);
    const faulty = diagnoses[recordings.findIndex((r) => r.name === 'review-2.wav')];
    await api().faultLog.add(faulty.id, 'chips in the X screw', 'Li Wei');

    await page.goto(`${session.host.url}#/machines/${demo.id}`);
    const panel = page.getByRole('region', { name: 'Trend' });
    const chart = panel.getByRole('img', { name: /^Anomaly score over time: 7 diagnoses/ });
    await chart.waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toBe(
      'Anomaly score over time: 7 diagnoses, threshold 3, fault-log entries marked: 1',
    );
    await expect.poll(() => paintedPixels(/^Anomaly score over time/)).toBeGreaterThan(2000);
    await expect.poll(() => paintedPixels(/^Characteristic line levels/)).toBeGreaterThan(1000);
    await panel.getByText('Fault-log entry: Open').waitFor();
    // 88.4 Hz at the profile's speed; the speed is now estimated from the sound, within 1 %.
    const bpfo = panel.getByText(/BPFO of spindle-bearing, \d+\.\d Hz \(envelope\)/).first();
    await bpfo.waitFor();
    const bpfoHz = Number(/, (\d+\.\d) Hz/.exec((await bpfo.textContent()) ?? '')?.[1]);
    expect(Math.abs(bpfoHz - 88.4)).toBeLessThan(0.9);
    const table = panel.getByRole('table', { name: 'Causes by month' });
    const row = table.getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toMatch(
      /7.*Lead-screw contamination \(chips or debris\) \(1\)/,
    );
    await expect(row.textContent()).resolves.toMatch(/Bearing outer-race defect \(1\)/);
    await panel.scrollIntoViewIfNeeded();
    await screenshotFold(page, 'trend-01-en-1366x768');
    await screenshot(page, 'trend-02-en-full');
  });

  it('says the same in Chinese', async () => {
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    const panel = page.getByRole('region', { name: '趋势' });
    const chart = panel.getByRole('img', { name: /^异常分数随时间变化：7 次诊断/ });
    await chart.waitFor();
    await expect.poll(() => paintedPixels(/^异常分数随时间变化/)).toBeGreaterThan(2000);
    await panel.getByText('故障日志条目：待处理').waitFor();
    await panel.getByRole('table', { name: '按月统计的故障原因' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshotFold(page, 'trend-03-zh-CN-1366x768');
    expect(session.pageErrors).toEqual([]);
  });
});
