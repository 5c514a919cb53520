/**
 * Opening a review bundle in a library (shared/bundle/review.ts): its machine, baseline,
 * recordings (each in its original format beside the decoded WAV: decoded here, or carried in the
 * bundle for AAC, which the host cannot decode), diagnoses and notes become
 * rows of a read-only review under the bundle's own ids, so opening it twice changes nothing.
 * Every entry is streamed to the staging folder with its SHA-256 checked, and decoded, before
 * anything is written to the store; the rows are then written in one transaction. A refusal
 * leaves nothing: no row, no audio, no staging file.
 */
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleManifest, BundleRecording } from '../../shared/bundle/manifest.ts';
import { BundleError } from '../../shared/bundle/refusals.ts';
import { isReply } from '../../shared/bundle/reply.ts';
import type { ReviewNote, ReviewSummary } from '../../shared/bundle/review.ts';
import { bundleBaseline, bundleDiagnoses } from '../../shared/bundle/reviewContent.ts';
import type { BundleDiagnosis } from '../../shared/bundle/reviewContent.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { decodeToWavFile, sniffFile } from '../audio/decoders/decodeToWav.ts';
import { recordingInputError, unknownFormatError } from '../diagnosis/inputError.ts';
import { stagingFileName } from '../files/staging.ts';
import type { LibraryStore } from '../store/types.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { placeRecording } from '../workflows/placeRecording.ts';
import type { OriginalRequest } from '../workflows/placeRecording.ts';
import { carriedOriginal } from './decodedAudio.ts';
import { declaredSha256, streamEntry } from './reader.ts';
import type { OpenedBundle } from './reader.ts';
import { writeAll } from './writer.ts';

export interface OpenedReview {
  readonly review: ReviewSummary;
  /** False when the library already held this review (nothing was written). */
  readonly created: boolean;
}

/** A UUID (version-4 shape) from the manifest's content: one bundle, one review id. */
export function reviewIdOf(manifest: BundleManifest): string {
  const hex = createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
  const variant = '89ab'[parseInt(hex[16], 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A recording's files in the staging folder: the WAV, and the original when it was decoded. */
interface StagedRecording {
  readonly recording: BundleRecording;
  readonly wavPath: string;
  readonly originalFile?: OriginalRequest;
}

async function extractEntry(library: LibraryContext, bundle: OpenedBundle, name: string) {
  const entry = bundle.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new BundleError('entry-missing', { path: name });
  const path = join(library.stagingFolder, stagingFileName(library.newId()));
  const file = await open(path, 'wx', 0o600);
  try {
    await streamEntry(bundle.path, entry, declaredSha256(bundle, name), (chunk) =>
      writeAll(file, chunk),
    );
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
  return path;
}

/**
 * Streams the recording out of the bundle and decodes it when compressed (content decides), or
 * takes the decoded WAV the bundle carries beside an original the host cannot decode.
 */
async function stageRecording(
  library: LibraryContext,
  bundle: OpenedBundle,
  recording: BundleRecording,
  staged: string[],
): Promise<StagedRecording> {
  const path = await extractEntry(library, bundle, recording.file);
  staged.push(path);
  if (recording.decoded) {
    // The host cannot decode the original: the sender's library's WAV stands for it.
    const wavPath = await extractEntry(library, bundle, recording.decoded.file);
    staged.push(wavPath);
    const originalFile = await carriedOriginal(recording, path, wavPath);
    return { recording, wavPath, originalFile };
  }
  try {
    const sniffed = await sniffFile(path);
    if (sniffed.kind === 'other') throw unknownFormatError(sniffed.what, recording.name);
    if (sniffed.container === 'wav') return { recording, wavPath: path };
    const wavPath = join(library.stagingFolder, stagingFileName(library.newId()));
    staged.push(wavPath);
    const decoded = await decodeToWavFile(path, wavPath, sniffed.container);
    return {
      recording,
      wavPath,
      originalFile: { path, format: decoded.format, codec: decoded.codec },
    };
  } catch (error) {
    throw recordingInputError(error, recording.name);
  }
}

function reviewNotes(manifest: BundleManifest): ReviewNote[] {
  return manifest.recordings.flatMap((recording) =>
    recording.notes.map((note) => ({ recordingId: recording.id, ...note })),
  );
}

/** The machine's id here: the sender's, or one made from the review's id for older bundles. */
async function reviewMachine(store: LibraryStore, manifest: BundleManifest, reviewId: string) {
  const machineId = manifest.machine.id ?? `review-${reviewId}`;
  if (!(await store.machines.exists(machineId))) return { machineId, isNew: true };
  const reviews = (await store.reviews.list()).filter((review) => review.machineId === machineId);
  if (reviews.length === 0) throw new BundleError('own-machine', { machineId });
  return { machineId, isNew: false };
}

interface Plan {
  readonly reviewId: string;
  readonly machineId: string;
  readonly isNewMachine: boolean;
  readonly diagnoses: Map<string, BundleDiagnosis[]>;
  readonly staged: readonly StagedRecording[];
}

async function writeRows(
  library: LibraryContext,
  bundle: OpenedBundle,
  bundleName: string,
  plan: Plan,
) {
  const manifest = bundle.manifest as BundleManifest;
  /** The audio-store keys placed: each recording's WAV and, when it was decoded, its original. */
  const placedKeys: string[] = [];
  try {
    await library.store.transaction(async (tx) => {
      let baselineId: string | null = null;
      if (plan.isNewMachine) {
        const profile = parseMachineProfile(manifest.machine.profile);
        await tx.machines.insert(profile, { id: plan.machineId });
        const signature = bundleBaseline(manifest);
        if (signature) baselineId = (await tx.baselines.insert(plan.machineId, signature, [])).id;
      }
      for (const { recording, wavPath, originalFile } of plan.staged) {
        if (await tx.recordings.exists(recording.id)) continue;
        await placeRecording(
          library,
          {
            id: recording.id,
            machineId: plan.machineId,
            name: recording.name,
            origin: 'imported',
            createdAt: recording.createdAt,
            path: wavPath,
            originalFile,
            // Its levels stay in dB SPL, as in the sender's library (checked with the manifest).
            ...(recording.calibration ? { calibration: recording.calibration } : {}),
          },
          tx,
        );
        placedKeys.push(recording.id);
        const originalKey = await tx.recordings.originalAudioKey(recording.id);
        if (originalKey !== null) placedKeys.push(originalKey);
        for (const diagnosis of plan.diagnoses.get(recording.id) ?? []) {
          await tx.diagnoses.insert({
            ...diagnosis,
            recordingId: recording.id,
            machineId: plan.machineId,
            baselineId,
          });
        }
      }
      await tx.reviews.insert({
        id: plan.reviewId,
        machineId: plan.machineId,
        senderName: manifest.sender.name,
        sentAt: manifest.createdAt,
        bundleName,
        recordingIds: manifest.recordings.map((recording) => recording.id),
        notes: reviewNotes(manifest),
      });
    });
  } catch (error) {
    // The rows are rolled back; the audio they named goes too.
    for (const key of placedKeys) await library.audio.remove(key).catch(() => undefined);
    throw error;
  }
}

/**
 * The open under way in each library (by its store). Opens take turns: two opens of one bundle
 * (a file dropped twice, two admins on a hub), or of two bundles sharing a recording, would
 * otherwise both find a recording missing and place it, and on a hub the losing one's clean-up
 * removed the audio the winning one had listed. In turn, the later open finds what the first made.
 */
const openings = new WeakMap<LibraryStore, Promise<unknown>>();

function inTurn<T>(store: LibraryStore, work: () => Promise<T>): Promise<T> {
  const before = openings.get(store) ?? Promise.resolve();
  const turn = before.then(work, work);
  openings.set(
    store,
    turn.catch(() => undefined),
  );
  return turn;
}

/**
 * Opens the checked review bundle (openBundle) in the library as a read-only review named
 * `bundleName`. Rejects with BundleError for a reply, a machine that is one of the library's
 * own, or content that fails its checks; InputError for a recording that cannot be decoded.
 */
export async function openReviewBundle(
  library: LibraryContext,
  bundle: OpenedBundle,
  bundleName: string,
): Promise<OpenedReview> {
  const manifest = bundle.manifest;
  if (isReply(manifest)) throw new BundleError('not-a-review');
  return inTurn(library.store, () => openInTurn(library, bundle, manifest, bundleName));
}

async function openInTurn(
  library: LibraryContext,
  bundle: OpenedBundle,
  manifest: BundleManifest,
  bundleName: string,
): Promise<OpenedReview> {
  const reviewId = reviewIdOf(manifest);
  const existing = (await library.store.reviews.list()).find((review) => review.id === reviewId);
  if (existing) return { review: existing, created: false };
  parseMachineProfile(manifest.machine.profile);
  const diagnoses = bundleDiagnoses(manifest);
  bundleBaseline(manifest);
  const { machineId, isNew } = await reviewMachine(library.store, manifest, reviewId);
  const stagedFiles: string[] = [];
  try {
    const staged: StagedRecording[] = [];
    for (const recording of manifest.recordings) {
      staged.push(await stageRecording(library, bundle, recording, stagedFiles));
    }
    const plan = { reviewId, machineId, isNewMachine: isNew, diagnoses, staged };
    await writeRows(library, bundle, bundleName, plan);
  } finally {
    for (const path of stagedFiles) await rm(path, { force: true });
  }
  return { review: await library.store.reviews.get(reviewId), created: true };
}
