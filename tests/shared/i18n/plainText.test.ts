/**
 * The plain words of a diagnosis: the verdict's headline, the urgency of each severity and one
 * sentence per cause, in English and in Chinese (without English words but component names).
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { Cause } from '../../../shared/diagnosis/report.ts';
import {
  componentLabel,
  plainEvidence,
  severityScaleLine,
  urgencyLine,
  verdictHeadline,
} from '../../../shared/i18n/plainText.ts';

const contamination: Pick<Cause, 'id' | 'severity' | 'evidence'> = {
  id: 'lead-screw-contamination',
  severity: 'serious',
  evidence: [
    { code: 'impacts-against-baseline', params: { kurtosis: 6.5, baselineKurtosis: 3, z: 13.9 } },
    { code: 'impacts-irregular', params: {} },
    { code: 'high-frequency-floor', params: { fromHz: 2000, levelDb: 4.1 } },
  ],
};

const bearing: Pick<Cause, 'evidence'> = {
  evidence: [
    {
      code: 'envelope-family',
      params: {
        defect: { kind: 'bearing-bpfo', componentId: 'spindle-bearing' },
        defectHz: 88.44,
        harmonics: [{ order: 1, frequencyHz: 88.4 }],
        prominenceDb: 9,
      },
    },
    { code: 'chatter-not-kinematic', params: {} },
  ],
};

describe('plain words', () => {
  it('says the problem, the fix and how soon in one headline', () => {
    const screw = componentLabel('x-ballscrew');
    expect(screw).toBe('x ballscrew');
    expect(verdictHeadline(contamination, screw, 'en')).toBe(
      'Chips or debris in the x ballscrew — clean it before the next shift',
    );
    expect(verdictHeadline(contamination, screw, 'zh-CN')).toBe(
      'x ballscrew内有切屑或杂物——请在下一班开始前清理',
    );
    expect(verdictHeadline({ ...contamination, severity: 'extreme' }, null, 'en')).toBe(
      'Chips or debris in the ball screw — stop the machine and clean it now',
    );
    expect(componentLabel('x-ballscrew', 'X ball screw')).toBe('X ball screw');
  });

  it('has a headline for every cause and severity in both languages, Chinese in Chinese', () => {
    for (const id of CAUSE_IDS) {
      for (const severity of SEVERITIES) {
        const en = verdictHeadline({ id, severity }, 'spindle', 'en');
        const zh = verdictHeadline({ id, severity }, '主轴', 'zh-CN');
        expect(en).toMatch(/^[A-Z].+ — .+[a-z]$/);
        expect(zh).toMatch(/——请/);
        expect(zh).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('explains each severity and the whole scale in one line', () => {
    expect(urgencyLine('serious', 'en')).toBe(
      'Serious: a large change; act before the next shift.',
    );
    expect(urgencyLine('slight', 'zh-CN')).toContain('下次计划保养');
    for (const lang of ['en', 'zh-CN'] as const) {
      const scale = severityScaleLine(lang);
      for (const severity of SEVERITIES)
        expect(scale).toContain(urgencyLine(severity, lang).split(/[:：]/)[0].toLowerCase());
    }
  });

  it('counts the pitches a sound differs at in words that agree with the count', () => {
    const finding = { frequencyHz: 1450, kind: 'band' as const, excessDb: 7 };
    const at = (count: number) =>
      plainEvidence(
        {
          evidence: [
            {
              code: 'anomalous-at',
              params: { findings: Array.from({ length: count }, () => finding) },
            },
          ],
        },
        'en',
      );
    expect(at(1)).toContain('at one pitch');
    expect(at(3)).toContain('at 3 pitches');
  });

  it('says what was heard in one sentence, from the evidence codes', () => {
    expect(plainEvidence(contamination, 'en')).toBe(
      'Irregular knocks that the healthy machine does not make; more high-pitched hiss than when healthy.',
    );
    expect(plainEvidence(contamination, 'zh-CN')).toBe(
      '有健康机器没有的不规则撞击声；高频嘶嘶声比健康时更大。',
    );
    expect(plainEvidence(bearing, 'en')).toBe(
      'Repeated knocks, about 88 a second, in step with the spindle-bearing.',
    );
    expect(plainEvidence(bearing, 'zh-CN')).toContain('每秒约 88 次');
  });

  it('keeps analyst language out: an old English sentence alone gives the plain fallback', () => {
    expect(plainEvidence({ evidence: ['kurtosis 6.5 (z = 13.9)'] }, 'en')).toBe(
      'The sound differs from the healthy machine.',
    );
    expect(plainEvidence({ evidence: [] }, 'zh-CN')).toBe('声音与健康的机器不同。');
  });
});
