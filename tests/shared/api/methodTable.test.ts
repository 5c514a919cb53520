/**
 * The method table (shared/api/methods.ts) is the API contract: the names, binary flags and body
 * limits derive from it, and the compiler holds it to AuscultApi (the @ts-expect-error lines
 * below fail `tsc -p tests` if a wrong table ever compiles).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_BINARY_BODY_BYTES, MAX_JSON_BODY_BYTES } from '../../../shared/api/limits.ts';
import {
  API_METHODS,
  BINARY_ARGUMENT_METHODS,
  BINARY_RESULT_METHODS,
  METHOD_TABLE,
  methodSpec,
} from '../../../shared/api/methods.ts';
import type { MethodTable } from '../../../shared/api/methods.ts';

describe('the method table', () => {
  it('names the methods that IPC channels and HTTP paths are made of, once each', () => {
    // Written out: a renamed or dropped method changes the wire contract and must show here.
    expect(API_METHODS).toEqual([
      'machines.list',
      'machines.get',
      'machines.create',
      'machines.update',
      'machines.trend',
      'recordings.list',
      'recordings.verdicts',
      'recordings.beginImport',
      'recordings.appendImport',
      'recordings.finishImport',
      'recordings.cancelImport',
      'recordings.audio',
      'recordings.audioUrl',
      'recordings.setCalibration',
      'sessions.start',
      'sessions.append',
      'sessions.stop',
      'review.selection',
      'review.spectrogram',
      'review.peaks',
      'review.queue',
      'faultLog.list',
      'faultLog.page',
      'faultLog.add',
      'faultLog.transition',
      'faultLog.setArchived',
      'faultLog.history',
      'faultLog.get',
      'verdicts.record',
      'verdicts.list',
      'verdicts.listByMachine',
      'bundles.beginOpen',
      'bundles.appendOpen',
      'bundles.finishOpen',
      'bundles.cancelOpen',
      'bundles.reviews',
      'bundles.adopt',
      'bundles.pack',
      'bundles.reply',
      'baselines.build',
      'baselines.job',
      'baselines.spectrum',
      'diagnoses.run',
      'diagnoses.list',
      'diagnoses.save',
      'settings.get',
      'settings.set',
      'settings.micCalibration',
      'settings.micCalibrations',
      'settings.setMicCalibration',
      'settings.removeMicCalibration',
      'reports.diagnosis',
      'reports.faultLog',
      'reports.faultLogCsv',
      'hubLink.status',
      'hubLink.connect',
      'hubLink.disconnect',
      'hubLink.syncNow',
    ]);
  });

  it('derives the binary lists and body limits from the rows', () => {
    expect(BINARY_ARGUMENT_METHODS).toEqual([
      'recordings.appendImport',
      'sessions.append',
      'bundles.appendOpen',
    ]);
    expect(BINARY_RESULT_METHODS).toEqual([
      'recordings.audio',
      'reports.diagnosis',
      'reports.faultLog',
      'reports.faultLogCsv',
    ]);
    expect(methodSpec('sessions.append').maxBodyBytes).toBe(MAX_BINARY_BODY_BYTES);
    expect(methodSpec('settings.set').maxBodyBytes).toBe(MAX_JSON_BODY_BYTES);
    expect(methodSpec('review.peaks').args.map(([name]) => name)).toEqual(['recordingId', 'count']);
  });

  it('is checked against AuscultApi at compile time', () => {
    const sessions = METHOD_TABLE.sessions;
    // @ts-expect-error A domain without one of its methods is not a MethodTable row.
    const missing: MethodTable['sessions'] = { start: sessions.start, append: sessions.append };
    const wrongSchema: MethodTable['diagnoses'] = {
      run: METHOD_TABLE.diagnoses.run,
      list: {
        ...METHOD_TABLE.diagnoses.list,
        // @ts-expect-error A schema whose output is a number cannot check a string parameter.
        args: [['recordingId', v.number()]],
      },
    };
    expect([missing, wrongSchema]).toHaveLength(2);
  });
});
