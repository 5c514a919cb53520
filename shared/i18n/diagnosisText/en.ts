/** English words of a diagnosis report (the sentences the rules wrote before codes). */
import type { FrequencyRef, ShaftSpeedBasis } from '../../diagnosis/report.ts';
import { db, factor, hz, hzList, order, signedDb, stat } from './numbers.ts';
import type { DiagnosisWords } from './words.ts';
import { sign } from './words.ts';

const SYMBOLS: Partial<Record<FrequencyRef['kind'], string>> = {
  'bearing-bpfo': 'BPFO',
  'bearing-bpfi': 'BPFI',
  'bearing-bsf': 'BSF',
  'bearing-2bsf': '2×BSF',
  'bearing-ftf': 'FTF',
  'gear-mesh': 'mesh',
  'ballscrew-rotation': 'rotation',
  'ballscrew-ball-pass': 'ball pass',
  belt: 'belt frequency',
  'pole-pass': 'pole pass',
};

function symbol(ref: FrequencyRef): string {
  const shaft = ref.shaftId ?? '';
  switch (ref.kind) {
    case 'shaft-order':
      return `${shaft} ${order(ref.order ?? 1)}x`;
    case 'line':
      return 'mains';
    case 'line-2x':
      return '2× line';
    case 'gear-sideband':
      return `mesh ${sign(ref.sideband ?? 0)} ${Math.abs(ref.sideband ?? 0)}x ${shaft}`;
    case 'pole-pass-sideband':
      return `${ref.carrier === 'line-2x' ? '2× line' : `1x ${shaft}`} ${sign(ref.sideband ?? 0)} pole pass`;
    default:
      return SYMBOLS[ref.kind] ?? ref.kind;
  }
}

function frequencyName(ref: FrequencyRef): string {
  const name = symbol(ref);
  return ref.componentId === undefined ? name : `${name} of ${ref.componentId}`;
}

function speed(basis: ShaftSpeedBasis): string {
  if (basis.feedMmPerMin !== undefined && basis.leadMm !== undefined) {
    return `${basis.shaftId} at ${factor(basis.feedMmPerMin)} mm/min ÷ ${factor(basis.leadMm)} mm lead = ${factor(basis.rpm)} rpm`;
  }
  return `${basis.shaftId} at ${factor(basis.rpm)} rpm`;
}

function matches(match: { harmonic: number; frequency: FrequencyRef; targetHz: number } | null) {
  if (!match) return '';
  const times = match.harmonic > 1 ? `${match.harmonic}x ` : '';
  return `; matches ${times}${frequencyName(match.frequency)} (${hz(match.targetHz)} Hz)`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const EN: DiagnosisWords = {
  causeNames: {
    unbalance: 'Unbalance',
    misalignment: 'Misalignment',
    looseness: 'Mechanical looseness',
    'bearing-outer-race': 'Bearing outer-race defect',
    'bearing-inner-race': 'Bearing inner-race defect',
    'bearing-rolling-element': 'Bearing rolling-element defect',
    'bearing-cage': 'Bearing cage defect',
    'bearing-part-uncertain': 'Bearing defect, part uncertain',
    'lead-screw-contamination': 'Lead-screw contamination (chips or debris)',
    'lead-screw-wear': 'Lead-screw wear (balls or tracks)',
    'gear-wear': 'Gear wear',
    belt: 'Belt problem',
    electrical: 'Electrical fault',
    chatter: 'Chatter (machining vibration)',
    lubrication: 'Lubrication problem',
    unexplained: 'Unexplained anomaly',
  },
  causeActions: {
    unbalance:
      'Check the rotor, chuck and tooling for missing or added mass and for build-up; balance the rotating assembly.',
    misalignment:
      'Check the coupling and shaft alignment (laser alignment if available) and the mounting feet for soft foot.',
    looseness:
      'Check and torque the mounting bolts, bearing housings and guards; look for cracked bases or worn fits.',
    'bearing-outer-race':
      'Plan a bearing replacement; until then check lubrication and trend the BPFO lines weekly.',
    'bearing-inner-race':
      'Plan a bearing replacement soon (inner-race damage progresses fast); check the fit on the shaft.',
    'bearing-rolling-element':
      'Plan a bearing replacement; inspect the lubricant for metal particles.',
    'bearing-cage':
      'Replace the bearing at the next stop: a failing cage can seize the bearing without warning.',
    'bearing-part-uncertain':
      'Plan a bearing replacement: the bearing has a defect, but its lines do not tell which part; look at the races, the rolling elements and the cage once it is out.',
    'lead-screw-contamination':
      'Take the lead screw out and clean it: remove chips and debris, check the wipers and covers, re-lubricate.',
    'lead-screw-wear':
      'Measure the backlash and inspect the ball nut and tracks; plan a ball-screw overhaul or replacement.',
    'gear-wear':
      'Inspect the gear teeth for wear, pitting or a broken tooth; check the backlash and the gear oil.',
    belt: 'Check the belt tension, wear and pulley alignment; replace a cracked or glazed belt.',
    electrical:
      'Have the motor checked electrically (supply balance, rotor bars, air gap); rule out nearby mains hum first.',
    chatter:
      'Change the cutting conditions (spindle speed, depth of cut, feed), shorten the tool overhang, stiffen the set-up.',
    lubrication:
      'Check the lubrication system: oil level, grease points, lubricant condition and the pump or timer.',
    unexplained:
      'The sound differs from the healthy baseline in a way Auscult cannot name: have an expert review the recording.',
  },
  severities: { slight: 'Slight', moderate: 'Moderate', serious: 'Serious', extreme: 'Extreme' },
  frequencyName,
  speed,
  findings: {
    'raised-line': (p) =>
      `spectral line ${db(p.excessDb)} dB above the healthy maximum${matches(p.match)}`,
    'raised-envelope-line': (p) =>
      `envelope line ${db(p.excessDb)} dB above the healthy envelope spectrum${matches(p.match)}`,
    'raised-band': (p) =>
      `1/6-octave band at ${hz(p.centreHz)} Hz is ${db(p.excessDb)} dB above its healthy level (z = ${stat(p.z)})`,
    impacts: (p) =>
      `impacts: high-frequency kurtosis ${stat(p.kurtosis)} against ${stat(p.baselineKurtosis)} when healthy`,
    'kinematic-line-prominent': (p) =>
      `${frequencyName(p.frequency)} (${hz(p.frequencyHz)} Hz) stands ${db(p.prominenceDb)} dB over the ${p.floor === 'envelope' ? 'envelope' : 'spectral'} floor`,
  },
  evidence: {
    'envelope-family': (p) =>
      `envelope peaks at ${hzList(
        p.harmonics.map((h) => h.frequencyHz),
        ', ',
      )} Hz = ${p.harmonics.map((h) => `${h.order}x`).join(', ')} ${frequencyName(p.defect)} (${hz(p.defectHz)} Hz), up to ${db(p.prominenceDb)} dB over the envelope floor`,
    'envelope-excess': (p) =>
      `strongest line ${db(p.excessDb)} dB above the healthy envelope spectrum`,
    'shaft-sidebands': (p) =>
      `${count(p.count, 'shaft-speed sideband')} at BPFI ± ${hz(p.shaftHz)} Hz`,
    'cage-sidebands': (p) =>
      `${count(p.count, 'cage (FTF) sideband')} at 2×BSF ± ${hz(p.cageHz)} Hz`,
    'kinematic-origin': (p) =>
      `${symbol(p.frequency)} = ${factor(p.factor)}${p.frequency.kind === 'gear-mesh' ? ' teeth' : ''} × ${factor(p.shaftSpeedHz)} Hz = ${hz(p.frequencyHz)} Hz (${speed(p.speed)})`,
    'impacts-against-baseline': (p) =>
      `impacts: high-frequency kurtosis ${stat(p.kurtosis)} against ${stat(p.baselineKurtosis)} when healthy (z = ${stat(p.z)})`,
    'impacts-without-baseline': (p) =>
      `impacts: high-frequency kurtosis ${stat(p.kurtosis)} (Gaussian noise: 3)`,
    'impacts-irregular': () =>
      'no periodic line at any ball-pass or bearing defect frequency: the impacts are irregular',
    'high-frequency-floor': (p) =>
      `high-frequency floor (above ${factor(p.fromHz)} Hz) ${db(p.levelDb)} dB over the baseline`,
    'gear-mesh-raised': (p) =>
      `gear mesh at ${hz(p.frequencyHz)} Hz ${db(p.excessDb)} dB above healthy`,
    'gear-sidebands-raised': (p) =>
      p.sidebands.length === 0
        ? 'no raised sideband around the gear mesh'
        : `${count(p.sidebands.length, 'raised sideband')}: ${p.sidebands.map((s) => `${hz(s.frequencyHz)} Hz (${db(s.excessDb)} dB)`).join(', ')}`,
    'belt-lines-raised': (p) =>
      `belt-frequency lines raised: ${p.lines.map((l) => `${l.order}x at ${hz(l.frequencyHz)} Hz (${db(l.excessDb)} dB)`).join(', ')}${p.lastInEnvelope ? ' (the last in the envelope spectrum)' : ''}`,
    'shaft-looseness': (p) =>
      `${count(p.harmonicCount, 'shaft harmonic')} and ${count(p.halfOrderCount, 'half order')} raised ≥ ${db(p.thresholdDb)} dB: ${p.orders.map((k) => `${order(k)}x`).join(', ')} of ${hz(p.shaftHz)} Hz`,
    'shaft-order-raised': (p) =>
      `${order(p.order)}x at ${hz(p.frequencyHz)} Hz: ${db(p.excessDb)} dB above healthy`,
    'rise-at-1x-alone': (p) => `2x ${db(p.secondOrderExcessDb)} dB: the rise is at 1x alone`,
    'chatter-line': (p) =>
      `strong line at ${hz(p.frequencyHz)} Hz, ${db(p.excessDb)} dB above healthy and ${db(p.prominenceDb)} dB over its neighbours`,
    'chatter-not-kinematic': () =>
      'not a harmonic of any shaft speed or tooth-pass frequency, nor any other kinematic line',
    'chatter-near-mode': (p) => `near the structural mode at ${hz(p.modeHz)} Hz`,
    'chatter-harmonics': (p) => `with harmonics of its own at ${hzList(p.frequenciesHz, ', ')} Hz`,
    'broadband-floor': (p) =>
      `broadband floor above ${factor(p.fromHz)} Hz is ${db(p.levelDb)} dB over the baseline in ${p.raisedPercent} % of its bands`,
    'no-impacts': (p) => `no impacts: high-frequency kurtosis ${stat(p.kurtosis)}`,
    'line-2x-raised': (p) =>
      `2× line frequency at ${hz(p.frequencyHz)} Hz is ${db(p.excessDb)} dB above healthy`,
    'pole-pass-sidebands': (p) =>
      `${count(p.frequenciesHz.length, 'pole-pass sideband')} at ${hzList(p.frequenciesHz, ', ')} Hz`,
    'no-pole-pass-sidebands': () =>
      'no pole-pass sidebands: check lighting and other mains hum before the motor',
    'no-pattern-matches': (p) =>
      `anomaly score ${stat(p.anomalyScore)}, but no known fault pattern matches`,
    'anomalous-at': (p) =>
      `anomalous at ${p.findings.map((f) => `${hz(f.frequencyHz)} Hz (${f.kind}, ${signedDb(f.excessDb)} dB)`).join(', ')}`,
    'new-tone': (p) =>
      `new tone at ${hz(p.frequencyHz)} Hz on no shaft order, ${db(p.excessDb)} dB above healthy, with no known structural mode of the machine near it: not chatter`,
    'shape-differs': () => 'the spectral shape differs without a distinct line',
    'rhythm-changed': (p) =>
      `the sound above 1 kHz swells and fades at ${p.findings.map((f) => `${hz(f.frequencyHz)} Hz (${signedDb(f.excessDb)} dB)`).join(', ')} more than when healthy: a changed rhythm, a rub or a rattle`,
    'beats-missing': (p) =>
      `fewer impacts than when healthy: the loudest ${order(p.topPercent)} % of ${order(p.frameMs)} ms moments above 1 kHz stand ${db(p.levelDb)} dB over the median, ${db(p.healthyDb)} dB when healthy: beats of a work cycle are missing or knocks have stopped`,
    'bursts-appeared': (p) =>
      `bursts of short knocks appeared: the loudest ${order(p.topPercent)} % of ${order(p.frameMs)} ms moments above 1 kHz stand ${db(p.levelDb)} dB over the median, ${db(p.healthyDb)} dB when healthy: a rattle, a loose part or new impacts`,
    'bearing-parts-overlap': (p) =>
      `the lines of ${p.parts.map((part) => `${EN.causeNames[part.cause].toLowerCase()} (${part.confidence.toFixed(2)})`).join(' and ')} are about as strong: the part cannot be told`,
    'bearing-no-impacts': (p) =>
      `envelope lines at the bearing's frequencies without impacts (kurtosis ${stat(p.kurtosis)}, spectral kurtosis of the demodulated band ${stat(p.spectralKurtosis)}): the part cannot be told`,
  },
};
