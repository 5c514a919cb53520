/**
 * The diagnosis texts: every finding and evidence code, cause, action and severity is worded in
 * both languages, the Chinese without English words, numbers rounded to what they mean, and an
 * old report's English sentences shown as they are.
 */
import { describe, expect, it } from 'vitest';
import { characteristicFrequencies } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type {
  EvidenceCode,
  EvidenceItem,
  EvidenceParams,
  FindingCode,
  FindingItem,
  FindingParams,
  FrequencyRef,
} from '../../../shared/diagnosis/report.ts';
import { frequencyRef } from '../../../shared/diagnosis/rules/items.ts';
import {
  causeAction,
  causeName,
  renderAction,
  renderEvidence,
  renderFinding,
  severityName,
} from '../../../shared/i18n/diagnosisText.ts';
import { exampleProfileJson } from '../../../shared/simulation/profiles.ts';

const profile = parseMachineProfile(exampleProfileJson());
/** One of every kind of characteristic frequency the profile format can give. */
const REFS: readonly FrequencyRef[] = characteristicFrequencies(profile).map(frequencyRef);
/** The user's own ids: they stay as written in any language. */
const USER_IDS = [...profile.shafts.map((s) => s.id), ...profile.components.map((c) => c.id)];
/** Units, symbols and abbreviations that Chinese technical text writes in Latin letters. */
const ALLOWED = new Set(['Hz', 'dB', 'BPFO', 'BPFI', 'BSF', 'FTF', 'RMS', 'z', 'r', 'min', 'mm']);

/** The Latin words of a text once the user's ids are taken out. */
function latinWords(text: string): string[] {
  const longestFirst = [...USER_IDS].sort((a, b) => b.length - a.length);
  const bare = longestFirst.reduce((t, id) => t.split(id).join(' '), text);
  return (bare.match(/[A-Za-z]+/g) ?? []).filter((word) => !ALLOWED.has(word));
}

const bpfo = REFS.find((r) => r.kind === 'bearing-bpfo')!;
const speed = { shaftId: 'spindle', rpm: 1480 };
const feed = { shaftId: 'z-screw', rpm: 300, feedMmPerMin: 3000, leadMm: 10 };
const raised = { frequencyHz: 715.31, excessDb: 8.46 };

const FINDINGS: { readonly [C in FindingCode]: readonly FindingParams[C][] } = {
  'raised-line': [
    { excessDb: 8.24, match: null },
    ...REFS.map((frequency) => ({
      excessDb: 8.24,
      match: { harmonic: 2, frequency, targetHz: 50 },
    })),
  ],
  'raised-envelope-line': [
    { excessDb: 12.5, match: { harmonic: 1, frequency: bpfo, targetHz: 88.43 } },
  ],
  'raised-band': [{ centreHz: 2244.92, excessDb: 15.31, z: 10.24 }],
  impacts: [{ kurtosis: 11.84, baselineKurtosis: 3.02 }],
  'kinematic-line-prominent': REFS.flatMap((frequency) =>
    (['spectrum', 'envelope'] as const).map((floor) => ({
      frequency,
      frequencyHz: 88.43,
      prominenceDb: 19.46,
      floor,
    })),
  ),
};

const EVIDENCE: { readonly [C in EvidenceCode]: readonly EvidenceParams[C][] } = {
  'envelope-family': REFS.map((defect) => ({
    defect,
    defectHz: 88.43,
    harmonics: [
      { order: 1, frequencyHz: 87.21 },
      { order: 2, frequencyHz: 175.09 },
    ],
    prominenceDb: 29.04,
  })),
  'envelope-excess': [{ excessDb: 23.94 }],
  'shaft-sidebands': [
    { count: 1, shaftHz: 24.67 },
    { count: 2, shaftHz: 24.67 },
  ],
  'kinematic-origin': [
    ...REFS.map((frequency) => ({
      frequency,
      frequencyHz: 88.43,
      factor: 3.5848,
      shaftSpeedHz: 24.667,
      speed,
    })),
    { frequency: bpfo, frequencyHz: 79.9, factor: 15.98, shaftSpeedHz: 5, speed: feed },
  ],
  'impacts-against-baseline': [{ kurtosis: 11.84, baselineKurtosis: 3.02, z: 35.01 }],
  'impacts-without-baseline': [{ kurtosis: 11.84 }],
  'impacts-irregular': [{}],
  'high-frequency-floor': [{ fromHz: 2000, levelDb: 8.66 }],
  'gear-mesh-raised': [raised],
  'gear-sidebands-raised': [{ sidebands: [] }, { sidebands: [raised, raised] }],
  'belt-lines-raised': [
    { lines: [{ ...raised, order: 1 }], lastInEnvelope: true },
    {
      lines: [
        { ...raised, order: 1 },
        { ...raised, order: 2 },
      ],
      lastInEnvelope: false,
    },
  ],
  'shaft-looseness': [
    { harmonicCount: 3, halfOrderCount: 1, thresholdDb: 6, orders: [1, 2, 3, 1.5], shaftHz: 24.67 },
  ],
  'shaft-order-raised': [{ ...raised, order: 2 }],
  'rise-at-1x-alone': [{ secondOrderExcessDb: 1.23 }],
  'chatter-line': [{ ...raised, prominenceDb: 20.1 }],
  'chatter-not-kinematic': [{}],
  'chatter-near-mode': [{ modeHz: 2331.7 }],
  'chatter-harmonics': [{ frequenciesHz: [4831.05] }, { frequenciesHz: [4831.05, 7246.6] }],
  'broadband-floor': [{ fromHz: 2000, levelDb: 4.12, raisedPercent: 80 }],
  'no-impacts': [{ kurtosis: 3.1 }],
  'line-2x-raised': [{ frequencyHz: 100.02, excessDb: 8 }],
  'pole-pass-sidebands': [{ frequenciesHz: [98.67, 101.33] }],
  'no-pole-pass-sidebands': [{}],
  'no-pattern-matches': [{ anomalyScore: 7.23 }],
  'anomalous-at': [
    {
      findings: (['peak', 'band', 'envelope', 'impulsive'] as const).map((kind) => ({
        kind,
        frequencyHz: 450.5,
        excessDb: 4.2,
      })),
    },
  ],
  'shape-differs': [{}],
  'new-tone': [{ frequencyHz: 1236.98, excessDb: 20.49 }],
  'rhythm-changed': [
    {
      findings: [
        { frequencyHz: 1.95, excessDb: 9.4 },
        { frequencyHz: 24.61, excessDb: 12.1 },
      ],
    },
  ],
  'beats-missing': [{ frameMs: 10, topPercent: 2, levelDb: 2.5, healthyDb: 5.7 }],
  'bursts-appeared': [{ frameMs: 2.5, topPercent: 0.5, levelDb: 6.5, healthyDb: 2.6 }],
  'bearing-parts-overlap': [
    {
      parts: [
        { cause: 'bearing-outer-race', confidence: 0.62 },
        { cause: 'bearing-inner-race', confidence: 0.61 },
      ],
    },
  ],
  'bearing-no-impacts': [{ kurtosis: 2.98, spectralKurtosis: 0.09 }],
  'cage-sidebands': [{ count: 2, cageHz: 11.92 }],
};

const findingItems = Object.entries(FINDINGS).flatMap(([code, list]) =>
  list.map((params) => ({ code, params }) as FindingItem),
);
const evidenceItems = Object.entries(EVIDENCE).flatMap(([code, list]) =>
  list.map((params) => ({ code, params }) as EvidenceItem),
);

/** English has words; the Chinese has Chinese characters and no English word. */
function expectBothLanguages(en: string, zh: string): void {
  expect(en).toMatch(/[a-z]{3}/);
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(latinWords(zh), zh).toEqual([]);
}

describe('diagnosis texts', () => {
  it.each(Object.keys(FINDINGS))('word finding %s in both languages', (code) => {
    for (const item of findingItems.filter((i) => i.code === code)) {
      expectBothLanguages(renderFinding(item, 'en'), renderFinding(item, 'zh-CN'));
    }
  });

  it.each(Object.keys(EVIDENCE))('word evidence %s in both languages', (code) => {
    for (const item of evidenceItems.filter((i) => i.code === code)) {
      expectBothLanguages(renderEvidence(item, 'en'), renderEvidence(item, 'zh-CN'));
    }
  });

  it.each(CAUSE_IDS)('name cause %s and its action in both languages', (id) => {
    for (const text of [causeName(id, 'zh-CN'), causeAction(id, 'zh-CN')]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(latinWords(text)).toEqual([]);
    }
    expect(causeName(id, 'en')).toMatch(/^[A-Z][a-z]/);
    expect(causeAction(id, 'en').length).toBeGreaterThan(20);
  });

  it('name every severity in both languages', () => {
    expect(SEVERITIES.map((s) => severityName(s, 'en'))).toEqual([
      'Slight',
      'Moderate',
      'Serious',
      'Extreme',
    ]);
    expect(SEVERITIES.map((s) => severityName(s, 'zh-CN'))).toEqual([
      '轻微',
      '中等',
      '严重',
      '极其严重',
    ]);
  });

  it('round frequencies to 0.1 Hz and levels to 0.1 dB, and keep the arithmetic', () => {
    const family = evidenceItems.find(
      (i) => i.code === 'envelope-family' && i.params.defect.kind === 'bearing-bpfo',
    )!;
    expect(renderEvidence(family, 'en')).toBe(
      'envelope peaks at 87.2, 175.1 Hz = 1x, 2x BPFO of spindle-front-bearing (88.4 Hz), up to 29.0 dB over the envelope floor',
    );
    expect(renderEvidence(family, 'zh-CN')).toBe(
      '包络谱峰值位于 87.2、175.1 Hz，即 spindle-front-bearing 的 BPFO（88.4 Hz）的 1×、2× 倍频，最高高出包络谱底噪 29.0 dB',
    );
    const origin = { code: 'kinematic-origin', params: EVIDENCE['kinematic-origin'].at(-1)! };
    expect(renderEvidence(origin as EvidenceItem, 'en')).toBe(
      'BPFO = 15.98 × 5 Hz = 79.9 Hz (z-screw at 3000 mm/min ÷ 10 mm lead = 300 rpm)',
    );
  });

  it('show the English sentences of a report stored before codes as they are', () => {
    const sentence = 'envelope peaks at 107.6, 215.3 Hz = 1x, 2x BPFO of spindle (107.4 Hz)';
    expect(renderEvidence(sentence, 'zh-CN')).toBe(sentence);
    expect(renderFinding('spectral line 8.0 dB above the healthy maximum', 'zh-CN')).toBe(
      'spectral line 8.0 dB above the healthy maximum',
    );
    expect(renderAction('Balance the rotor.', 'zh-CN')).toBe('Balance the rotor.');
  });
});
