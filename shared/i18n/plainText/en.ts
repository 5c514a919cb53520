/** Plain English for everyone: what is wrong, what to do and how soon, why we think so. */
import { rate } from './rate.ts';
import type { PlainWords } from './words.ts';

const the = (component: string | null, fallback: string) => `the ${component ?? fallback}`;

const BEARING_FIX = 'plan a bearing replacement';

const WHEN = {
  slight: 'at the next planned service',
  moderate: 'within a week',
  serious: 'before the next shift',
} as const;

export const PLAIN_EN: PlainWords = {
  causes: {
    unbalance: {
      problem: (c) => (c ? `The ${c} is out of balance` : 'A turning part is out of balance'),
      fix: 'balance it',
    },
    misalignment: {
      problem: (c) => (c ? `The ${c} is misaligned` : 'A shaft is misaligned'),
      fix: 'realign it',
    },
    looseness: {
      problem: (c) => (c ? `Something is loose at the ${c}` : 'Something is loose'),
      fix: 'tighten the bolts and mounts',
    },
    'bearing-outer-race': {
      problem: (c) => `Damage on the outer ring of ${the(c, 'bearing')}`,
      fix: BEARING_FIX,
    },
    'bearing-inner-race': {
      problem: (c) => `Damage on the inner ring of ${the(c, 'bearing')}`,
      fix: BEARING_FIX,
    },
    'bearing-rolling-element': {
      problem: (c) => `Damaged balls or rollers in ${the(c, 'bearing')}`,
      fix: BEARING_FIX,
    },
    'bearing-part-uncertain': {
      problem: (c) => `Damage in ${the(c, 'bearing')}, part uncertain`,
      fix: BEARING_FIX,
    },
    'bearing-cage': {
      problem: (c) => `The cage of ${the(c, 'bearing')} is failing`,
      fix: 'replace the bearing',
    },
    'lead-screw-contamination': {
      problem: (c) => `Chips or debris in ${the(c, 'ball screw')}`,
      fix: 'clean it',
    },
    'lead-screw-wear': {
      problem: (c) => `${the(c, 'ball screw').replace(/^t/, 'T')} is worn`,
      fix: 'measure the backlash and plan an overhaul',
    },
    'gear-wear': {
      problem: (c) => `Worn or damaged teeth on ${the(c, 'gear')}`,
      fix: 'inspect the teeth',
    },
    belt: {
      problem: (c) => `${the(c, 'belt').replace(/^t/, 'T')} slips, is loose or worn`,
      fix: 'check the belt and its tension',
    },
    electrical: {
      problem: (c) => `An electrical fault in ${the(c, 'motor')}`,
      fix: 'have the motor checked',
    },
    chatter: { problem: () => 'The cut chatters', fix: 'change the cutting conditions' },
    lubrication: {
      problem: (c) => (c ? `The ${c} runs short of lubricant` : 'A part runs short of lubricant'),
      fix: 'check the lubrication',
    },
    unexplained: {
      problem: () => 'The machine sounds different from when it was healthy',
      fix: 'have an expert listen to the recording',
    },
  },
  headline: (problem, fix, severity) =>
    severity === 'extreme'
      ? `${problem} — stop the machine and ${fix} now`
      : `${problem} — ${fix} ${WHEN[severity]}`,
  urgency: {
    slight: 'Slight: a small change; act at the next planned service.',
    moderate: 'Moderate: a clear change; act within a week.',
    serious: 'Serious: a large change; act before the next shift.',
    extreme: 'Extreme: damage is likely; stop the machine and act now.',
  },
  scale:
    'How urgent: slight — at the next planned service · moderate — within a week · serious — before the next shift · extreme — stop and act now.',
  evidence: {
    'envelope-family': (p) =>
      `repeated knocks, about ${rate(p.defectHz)} a second, in step with ${the(p.defect.componentId ?? null, 'part')}`,
    'envelope-excess': () => 'a beat in the noise that the healthy machine does not have',
    'shaft-sidebands': () => 'the knocks swell and fade with each turn of the shaft',
    'cage-sidebands': () => 'the knocks swell and fade with each turn of the cage',
    'kinematic-origin': (p) =>
      `at a pitch that matches ${the(p.frequency.componentId ?? p.speed.shaftId, 'shaft')} turning`,
    'impacts-against-baseline': () => 'knocks that the healthy machine does not make',
    'impacts-without-baseline': () => 'sharp knocks in the sound',
    'impacts-irregular': () => 'irregular, not in step with any turning part',
    'high-frequency-floor': () => 'more high-pitched hiss than when healthy',
    'gear-mesh-raised': () => 'the whine of the gear teeth is louder than when healthy',
    'gear-sidebands-raised': (p) =>
      p.sidebands.length > 0 ? 'the whine wavers with each turn of the gear' : null,
    'belt-lines-raised': () => 'the beat of the belt is louder than when healthy',
    'shaft-looseness': () => 'a rattle at many multiples of the shaft speed',
    'shaft-order-raised': (p) =>
      `a hum at ${p.order === 1 ? 'the turning speed' : `${p.order} times the turning speed`} is louder than when healthy`,
    'rise-at-1x-alone': () => 'only at the turning speed itself',
    'chatter-line': (p) =>
      `a strong tone near ${Math.round(p.frequencyHz)} Hz that no turning part explains`,
    'chatter-not-kinematic': () => null,
    'chatter-near-mode': () => 'where the machine rings by itself',
    'chatter-harmonics': () => null,
    'broadband-floor': () => 'a broad hiss, louder than when healthy',
    'no-impacts': () => 'without knocks',
    'line-2x-raised': () => "the motor's electrical hum is louder than when healthy",
    'pole-pass-sidebands': () => "the hum beats with the motor's slip",
    'no-pole-pass-sidebands': () => null,
    'no-pattern-matches': () => 'the sound differs from healthy in a way no known fault explains',
    'anomalous-at': (p) =>
      `the sound differs from healthy at ${p.findings.length === 1 ? 'one pitch' : `${p.findings.length} pitches`}`,
    'new-tone': (p) =>
      `a new steady tone near ${Math.round(p.frequencyHz)} Hz (a whine) that no turning part explains`,
    'shape-differs': () => 'the sound differs from healthy without a distinct tone',
    'rhythm-changed': () => 'the rhythm of the sound has changed since it was healthy',
    'beats-missing': () => 'some of the regular knocks of the machine are missing',
    'bursts-appeared': () => 'short bursts of knocks have appeared, like a rattle',
    'bearing-parts-overlap': () => 'the knocks fit more than one part of the bearing',
    'bearing-no-impacts': () =>
      "a rhythm at the bearing's own rates, without clear knocks that tell which part",
  },
  irregularKnocks: 'irregular knocks that the healthy machine does not make',
  fallback: 'The sound differs from the healthy machine.',
  sentence: (phrases) => {
    const text = phrases.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
};
