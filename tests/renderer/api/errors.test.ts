/**
 * The page's error sentences (renderer/api/errors.ts): written from reason and params in the
 * user's language, with sizes in MB, and never showing what only a programmer knows.
 */
import { describe, expect, it } from 'vitest';
import {
  apiErrorSentence,
  errorSentence,
  megabytes,
  SENTENCE_PARAMS,
} from '../../../renderer/api/errors.ts';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';
import {
  API_ERROR_CODES,
  API_ERROR_REASONS,
  ApiError,
  errorFromBody,
} from '../../../shared/api/errors.ts';
import { translator } from '../../helpers/translate.ts';

const english = translator('en');
const chinese = translator('zh-CN');

describe('error sentences', () => {
  it.each([
    ['en', en.errors],
    ['zh-CN', zhCN.errors],
  ])('exist in %s for every reason, with the params SENTENCE_PARAMS lists', (_language, texts) => {
    const catalogue = texts as Record<string, unknown>;
    for (const reason of API_ERROR_REASONS) {
      const text = catalogue[reason];
      expect(typeof text, reason).toBe('string');
      const used = [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);
      const listed = (SENTENCE_PARAMS[reason] ?? []).map((name) => name.replace(/Bytes$/, 'Mb'));
      expect(used.sort(), reason).toEqual([...listed].sort());
    }
  });

  it('say a full disk in either language with the space needed in MB', () => {
    const error = new ApiError('disk-full', 'The disk is full: this needed 16777216 bytes more.', {
      params: { neededBytes: 16 * 1024 * 1024 },
    });
    expect(apiErrorSentence(error, english)).toBe(
      'The disk is full: this needed 16.8 MB more. Free some space and try again.',
    );
    expect(apiErrorSentence(error, chinese)).toBe(
      '磁盘已满：此操作还需要 16.8 MB 空间。请释放一些空间后重试。',
    );
    expect(megabytes(10)).toBe('0.1');
  });

  it('name the entity, never the id, of something not found', () => {
    const error = errorFromBody({
      code: 'not-found',
      reason: 'not-found',
      params: { entity: 'recording' },
      message: 'there is no recording with id "3f2a-internal"',
    });
    expect(errorSentence(error, english)).toBe(
      'This recording no longer exists; it may have been removed. Reload the page.',
    );
    expect(errorSentence(error, chinese)).toBe('该录音已不存在，可能已被删除。请重新加载页面。');
  });

  it('leave method names and argument paths out of the sentence', () => {
    const error = new ApiError(
      'invalid-argument',
      'review.selection: endSeconds is past the end of the recording (the recording lasts 2 s).',
      { reason: 'selection-outside', params: { durationSeconds: 2, minSeconds: 0.5 } },
    );
    const sentence = errorSentence(error, english);
    expect(sentence).toBe('The selected stretch lies outside the recording, which lasts 2 s.');
    expect(sentence).not.toMatch(/review\.selection|endSeconds/);
    const profile = new ApiError('invalid-input', 'the profile is invalid: components[0]: ...', {
      reason: 'invalid-profile',
      params: { problem: 'must name a shaft' },
    });
    expect(errorSentence(profile, chinese)).toBe('机器配置无效；请检查各字段。');
  });

  it("fall back to the code's sentence when a reason's params are missing", () => {
    const unnamed = new ApiError('invalid-input', 'bad fmt chunk (at byte 12)', {
      reason: 'unreadable-wav',
    });
    expect(errorSentence(unnamed, english)).toBe('Auscult cannot use this input.');
    const unsized = new ApiError('disk-full', 'The disk is full.');
    expect(errorSentence(unsized, chinese)).toBe('磁盘已满。请释放一些空间后重试。');
    for (const code of API_ERROR_CODES) {
      expect(errorSentence(new ApiError(code, 'x'), english), code).not.toMatch(/\{\{|errors\./);
    }
  });

  it("name fault-log statuses in the reader's language, and fall back without them", () => {
    const refused = errorFromBody({
      code: 'conflict',
      reason: 'transition-not-allowed',
      params: { from: 'repair-planned', to: 'acknowledged' },
      message: 'a fault-log entry cannot go from repair-planned to acknowledged',
    });
    expect(errorSentence(refused, english)).toMatch(
      /^An entry that is “Repair planned” cannot become “Acknowledged”: /,
    );
    expect(errorSentence(refused, chinese)).toMatch(/^状态为“已计划维修”的条目不能改为“已确认”：/);
    const unknown = new ApiError('conflict', 'x', {
      reason: 'transition-not-allowed',
      params: { from: 'closed', to: 'open' },
    });
    expect(errorSentence(unknown, english)).toBe(
      'Someone changed this in the meantime. Reload the page and try again.',
    );
    const notNormal = new ApiError('invalid-input', 'x', {
      reason: 'follow-up-not-normal',
      params: { name: 'after-repair.wav' },
    });
    expect(errorSentence(notNormal, chinese)).toBe(
      '“after-repair.wav”的诊断结果不是正常，不能用来验证维修。',
    );
    const gone = new ApiError('not-found', 'x', { params: { entity: 'fault-log entry' } });
    expect(errorSentence(gone, english)).toBe(
      'This fault-log entry no longer exists; it may have been removed. Reload the page.',
    );
  });

  it("keep a browser error's own message", () => {
    expect(errorSentence(new DOMException('Permission denied', 'NotAllowedError'), english)).toBe(
      'Permission denied',
    );
  });
});
