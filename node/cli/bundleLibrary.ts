/**
 * The bundle commands that work on a library: `bundle pack`, `bundle reply` and `bundle open`
 * (node/cli/bundle.ts has the rest). A refused bundle is bad input: one sentence, exit status 1,
 * and the library as it was.
 */
import { basename } from 'node:path';
import { BundleError } from '../../shared/bundle/refusals.ts';
import { isReply } from '../../shared/bundle/reply.ts';
import { openReviewBundle } from '../bundle/openReview.ts';
import { MixedMachinesError, packBundle } from '../bundle/pack.ts';
import { openBundle } from '../bundle/reader.ts';
import { applyReply, NoVerdictError, packReply } from '../bundle/reply.ts';
import { resolveLibraryHome } from '../library/home.ts';
import type { Library } from '../library/library.ts';
import { NotFoundError } from '../store/errors.ts';
import type { BundleArgs } from './bundleArgs.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';
import { openExisting } from './existingLibrary.ts';

type Action<A extends BundleArgs['action']> = Extract<BundleArgs, { action: A }>;

/** Runs `work` on the library in `home` (which must exist), closing it afterwards. */
async function withLibrary(
  homeOption: string | undefined,
  work: (library: Library, home: string) => Promise<string>,
): Promise<CommandOutput> {
  const home = resolveLibraryHome(homeOption);
  const warnings: string[] = [];
  const library = await openExisting(home, warnings);
  try {
    return { stdout: await work(library, home), warnings };
  } finally {
    await library.close();
  }
}

/** What the file system's refusal to write `path` means to the person who named it. */
function writeError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR' || code === 'EISDIR') {
    return new InputError(`cannot write "${path}" (${(error as Error).message})`);
  }
  return error;
}

export function packCommand(args: Action<'pack'>): Promise<CommandOutput> {
  return withLibrary(args.home, async (library, home) => {
    try {
      const { manifest, sizeBytes } = await packBundle(library, args);
      const count = manifest.recordings.length;
      return `Wrote ${args.outPath}: ${count} recording(s), ${sizeBytes} bytes.\n`;
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new InputError(`the library in "${home}" has no recording "${error.id}"`);
      }
      if (error instanceof MixedMachinesError) throw new InputError(error.message);
      throw writeError(error, args.outPath);
    }
  });
}

export function replyCommand(args: Action<'reply'>): Promise<CommandOutput> {
  return withLibrary(args.home, async (library, home) => {
    try {
      const request = { ...args, now: library.now() };
      const { manifest, sizeBytes } = await packReply(library.store, request);
      return `Wrote ${args.outPath}: ${manifest.verdicts.length} verdict(s), ${sizeBytes} bytes.\n`;
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new InputError(`the library in "${home}" has no diagnosis "${error.id}"`);
      }
      if (error instanceof NoVerdictError) throw new InputError(error.message);
      throw writeError(error, args.outPath);
    }
  });
}

export function openCommand(args: Action<'open'>): Promise<CommandOutput> {
  return withLibrary(args.home, async (library) => {
    try {
      const bundle = await openBundle(args.bundlePath);
      if (isReply(bundle.manifest)) {
        const applied = await applyReply(library.store, bundle);
        return (
          `Applied the reply of ${applied.senderName || '(no name given)'}: ` +
          `${applied.written.length} verdict(s) recorded, ${applied.alreadyHeld} already held.\n`
        );
      }
      const { review, created } = await openReviewBundle(
        library,
        bundle,
        basename(args.bundlePath),
      );
      const what = created ? 'Opened' : 'Already open:';
      return (
        `${what} the review of "${review.machineName}" from ${review.senderName || '(no name given)'}` +
        ` (${review.recordingIds.length} recording(s)); review id ${review.id}.\n`
      );
    } catch (error) {
      if (error instanceof BundleError) {
        throw new InputError(`refused "${args.bundlePath}": ${error.message}`);
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
        throw new InputError(
          `cannot read the bundle "${args.bundlePath}" (${(error as Error).message})`,
        );
      }
      throw error;
    }
  });
}
