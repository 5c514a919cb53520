/**
 * `auscult bundle pack | check | unpack`: review bundles on the command line (docs/formats.md,
 * "Review bundles"). A refused bundle is bad input: one sentence, exit status 1, nothing written.
 */
import { codecSummaryEnglish } from '../../shared/api/recordingCodec.ts';
import type { RecordingCodec } from '../../shared/api/contract.ts';
import type { BundleManifest } from '../../shared/bundle/manifest.ts';
import { BundleError } from '../../shared/bundle/refusals.ts';
import { openBundle, verifyBundle } from '../bundle/reader.ts';
import type { OpenedBundle } from '../bundle/reader.ts';
import { TargetFolderError, unpackBundle } from '../bundle/unpack.ts';
import { isReply } from '../../shared/bundle/reply.ts';
import type { ReplyManifest } from '../../shared/bundle/reply.ts';
import { openCommand, packCommand, replyCommand } from './bundleLibrary.ts';
import type { BundleArgs } from './bundleArgs.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';

/** The bundle at `path`, opened and checked; its refusal or the file's error as InputError. */
async function opened(path: string): Promise<OpenedBundle> {
  try {
    return await openBundle(path);
  } catch (error) {
    throw asInputError(error, path);
  }
}

function asInputError(error: unknown, path: string): unknown {
  if (error instanceof BundleError) return new InputError(`refused "${path}": ${error.message}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    return new InputError(`cannot read the bundle "${path}" (${(error as Error).message})`);
  }
  if (error instanceof TargetFolderError) return new InputError(error.message);
  return error;
}

/** A sender's words on a terminal: control characters (escape sequences) become '?'. */
// eslint-disable-next-line no-control-regex
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

const codecText = (format: string, codec: RecordingCodec | null) =>
  codec ? `${format}, ${codecSummaryEnglish(codec)}` : format.toUpperCase();

/** What `bundle check` prints: who sent it, the machine, each recording, the verification. */
export function describeBundle(path: string, manifest: BundleManifest): string {
  const profile = manifest.machine.profile as { id: string; name?: string };
  const sender = printable(manifest.sender.name) || '(no name given)';
  const machine = `${printable(profile.name ?? profile.id)} (${printable(profile.id)})`;
  const lines = [
    `Bundle ${path}, made ${manifest.createdAt} by ${sender}.`,
    `Machine: ${machine}; baseline: ${manifest.baseline ? 'included' : 'none'}.`,
    `Recordings (${manifest.recordings.length}):`,
    ...manifest.recordings.map(
      (r) =>
        `  ${r.id}  "${printable(r.name)}"  ${codecText(r.format, r.codec)}  ${r.sizeBytes} bytes  ` +
        `${r.durationSeconds.toFixed(1)} s  ${r.diagnoses.length} diagnoses, ${r.notes.length} notes` +
        (r.decoded ? `; decoded WAV ${r.decoded.sizeBytes} bytes` : ''),
    ),
    `All ${manifest.entries.length + 1} files match their sizes, CRC-32 and the manifest's SHA-256.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** What `bundle check` prints for a reply: who sent it and each verdict. */
export function describeReply(path: string, manifest: ReplyManifest): string {
  const sender = printable(manifest.sender.name) || '(no name given)';
  const lines = [
    `Reply bundle ${path}, made ${manifest.createdAt} by ${sender}.`,
    `Verdicts (${manifest.verdicts.length}):`,
    ...manifest.verdicts.map(
      (verdict) =>
        `  on diagnosis ${verdict.diagnosisId}: ${verdict.decision} ` +
        `${verdict.causeId === 'other' ? printable(verdict.otherCause) : (verdict.causeId ?? '')} ` +
        `by ${printable(verdict.expertName)} at ${verdict.createdAt}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export async function runBundle(args: BundleArgs): Promise<CommandOutput> {
  if (args.action === 'pack') return packCommand(args);
  if (args.action === 'reply') return replyCommand(args);
  if (args.action === 'open') return openCommand(args);
  const bundle = await opened(args.bundlePath);
  try {
    if (args.action === 'check') {
      await verifyBundle(bundle);
      const manifest = bundle.manifest;
      const stdout = isReply(manifest)
        ? describeReply(args.bundlePath, manifest)
        : describeBundle(args.bundlePath, manifest);
      return { stdout, warnings: [] };
    }
    await unpackBundle(bundle, args.toFolder);
  } catch (error) {
    throw asInputError(error, args.bundlePath);
  }
  const count = bundle.entries.length;
  return { stdout: `Unpacked ${count} files into ${args.toFolder}.\n`, warnings: [] };
}
