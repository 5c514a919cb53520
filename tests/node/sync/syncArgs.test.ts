/** `auscult sync`'s arguments: a linked library, or one linked first with all that takes. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../node/cli/args.ts';
import { UsageError } from '../../../node/cli/errors.ts';

describe('auscult sync arguments', () => {
  it('reads a library, --once, and what linking needs', () => {
    expect(parseCliArgs(['sync', '--home', 'lib', '--once'])).toEqual({
      command: 'sync',
      home: 'lib',
      once: true,
      connect: undefined,
    });
    expect(
      parseCliArgs([
        'sync',
        '--connect',
        'http://hub:8918/',
        '--name',
        'Li',
        '--password-file',
        'p.txt',
        '--plant',
        'North',
      ]),
    ).toMatchObject({
      once: false,
      connect: { url: 'http://hub:8918/', name: 'Li', passwordFile: 'p.txt', plantId: 'North' },
    });
  });

  it.each([
    [['sync', '--connect', 'http://hub/'], /--connect needs --name and --password-file/],
    [['sync', '--plant', 'North'], /--plant goes with --connect/],
    [['sync', '--connect', 'hub', '--name', 'a', '--password-file', 'p'], /the hub's URL/],
    [['sync', 'extra'], /unexpected argument "extra"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
