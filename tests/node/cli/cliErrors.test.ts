import { afterAll, beforeAll, describe, it } from 'vitest';
import { auscult, createCliFolder, expectOneLineError, removeFolder } from './cliFixture.ts';

let folder: string;

beforeAll(async () => {
  folder = await createCliFolder();
});

afterAll(async () => {
  await removeFolder(folder);
});

describe('auscult: wrong usage exits 2 with one line', () => {
  it.each<[string, string[], RegExp]>([
    ['no command', [], /no command given/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    [
      'baseline without --out',
      ['baseline', '--profile', 'profile.json', 'healthy.wav'],
      /--out B\.json is required/,
    ],
    [
      'baseline without recordings',
      ['baseline', '--profile', 'profile.json', '--out', 'x.json'],
      /at least one healthy recording/,
    ],
    [
      'diagnose with two recordings',
      ['diagnose', '--baseline', 'b.json', 'rec.wav', 'healthy.wav'],
      /exactly one recording, got 2/,
    ],
    [
      'diagnose with neither baseline nor profile',
      ['diagnose', 'rec.wav'],
      /--baseline B\.json, --profile P\.json, or both/,
    ],
    [
      '--rpm without a value',
      ['diagnose', '--baseline', 'b.json', '--rpm', 'spindle', 'rec.wav'],
      /--rpm expects SHAFT=RPM.*"spindle"/,
    ],
    [
      '--lang with a language Auscult does not speak',
      ['diagnose', '--baseline', 'b.json', '--lang', 'fr', 'rec.wav'],
      /--lang expects en or zh-CN, got "fr"/,
    ],
    [
      '--rpm with a negative speed',
      ['diagnose', '--baseline', 'b.json', '--rpm', 'spindle=-5', 'rec.wav'],
      /--rpm expects SHAFT=RPM/,
    ],
    [
      'an unknown option',
      ['analyze', '--loud', 'rec.wav'],
      /analyze: Unknown option '--loud' \(see auscult analyze --help\)/,
    ],
    ['analyze without a recording', ['analyze'], /exactly one recording, got 0/],
  ])('%s', async (_, args, message) => {
    expectOneLineError(await auscult(folder, ...args), 2, message);
  });
});

describe('auscult: unreadable or invalid input exits 1 with one line naming the problem', () => {
  it.each<[string, string[], RegExp]>([
    [
      'a missing recording',
      ['analyze', 'missing.wav'],
      /cannot read recording "missing\.wav": no such file/,
    ],
    [
      'a text file as a WAV',
      ['analyze', 'notes.txt'],
      /cannot use recording "notes\.txt": not a WAV file/,
    ],
    [
      'a WAV cut inside its header',
      ['analyze', 'cut.wav'],
      /cannot use recording "cut\.wav": .*\(at byte \d+\)/,
    ],
    [
      'a recording too short',
      ['analyze', 'short.wav'],
      /"short\.wav" is too short to analyse: 0\.20 s/,
    ],
    [
      'a profile that is not JSON',
      ['baseline', '--profile', 'malformed.json', '--out', 'x.json', 'healthy.wav'],
      /profile "malformed\.json" is not valid JSON/,
    ],
    [
      'a profile with an unknown field',
      ['baseline', '--profile', 'unknown-field.json', '--out', 'x.json', 'healthy.wav'],
      /profile "unknown-field\.json" is invalid: colour: is not a field/,
    ],
    [
      'a profile given as the baseline',
      ['diagnose', '--baseline', 'profile.json', 'rec.wav'],
      /baseline "profile\.json" is invalid: format: .*not an Auscult baseline/,
    ],
    [
      'a baseline of another version',
      ['diagnose', '--baseline', 'v2.json', 'rec.wav'],
      /baseline "v2\.json" is invalid: formatVersion: is 2/,
    ],
    [
      '--rpm for a shaft the profile lacks',
      ['diagnose', '--baseline', 'b.json', '--rpm', 'tailstock=300', 'rec.wav'],
      /--rpm names shaft "tailstock", which profile "sim-lathe" does not have \(its shafts: spindle, x-screw, z-screw\)/,
    ],
    [
      'an output folder that does not exist',
      ['baseline', '--profile', 'profile.json', '--out', 'no/such/b.json', 'healthy.wav'],
      /cannot write "no\/such\/b\.json": its folder does not exist/,
    ],
  ])('%s', async (_, args, message) => {
    expectOneLineError(await auscult(folder, ...args), 1, message);
  });
});
