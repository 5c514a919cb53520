/** Words of each cause: a short name and the action a maintenance technician should take. */
import type { CauseId } from '../report.ts';

export const CAUSE_CATALOG: Readonly<Record<CauseId, { name: string; action: string }>> = {
  unbalance: {
    name: 'Unbalance',
    action:
      'Check the rotor, chuck and tooling for missing or added mass and for build-up; balance the rotating assembly.',
  },
  misalignment: {
    name: 'Misalignment',
    action:
      'Check the coupling and shaft alignment (laser alignment if available) and the mounting feet for soft foot.',
  },
  looseness: {
    name: 'Mechanical looseness',
    action:
      'Check and torque the mounting bolts, bearing housings and guards; look for cracked bases or worn fits.',
  },
  'bearing-outer-race': {
    name: 'Bearing outer-race defect',
    action:
      'Plan a bearing replacement; until then check lubrication and trend the BPFO lines weekly.',
  },
  'bearing-inner-race': {
    name: 'Bearing inner-race defect',
    action:
      'Plan a bearing replacement soon (inner-race damage progresses fast); check the fit on the shaft.',
  },
  'bearing-rolling-element': {
    name: 'Bearing rolling-element defect',
    action: 'Plan a bearing replacement; inspect the lubricant for metal particles.',
  },
  'bearing-cage': {
    name: 'Bearing cage defect',
    action:
      'Replace the bearing at the next stop: a failing cage can seize the bearing without warning.',
  },
  'lead-screw-contamination': {
    name: 'Lead-screw contamination (chips or debris)',
    action:
      'Take the lead screw out and clean it: remove chips and debris, check the wipers and covers, re-lubricate.',
  },
  'lead-screw-wear': {
    name: 'Lead-screw wear (balls or tracks)',
    action:
      'Measure the backlash and inspect the ball nut and tracks; plan a ball-screw overhaul or replacement.',
  },
  'gear-wear': {
    name: 'Gear wear',
    action:
      'Inspect the gear teeth for wear, pitting or a broken tooth; check the backlash and the gear oil.',
  },
  belt: {
    name: 'Belt problem',
    action: 'Check the belt tension, wear and pulley alignment; replace a cracked or glazed belt.',
  },
  electrical: {
    name: 'Electrical fault',
    action:
      'Have the motor checked electrically (supply balance, rotor bars, air gap); rule out nearby mains hum first.',
  },
  chatter: {
    name: 'Chatter (machining vibration)',
    action:
      'Change the cutting conditions (spindle speed, depth of cut, feed), shorten the tool overhang, stiffen the set-up.',
  },
  lubrication: {
    name: 'Lubrication problem',
    action:
      'Check the lubrication system: oil level, grease points, lubricant condition and the pump or timer.',
  },
  unexplained: {
    name: 'Unexplained anomaly',
    action:
      'The sound differs from the healthy baseline in a way Auscult cannot name: have an expert review the recording.',
  },
};
