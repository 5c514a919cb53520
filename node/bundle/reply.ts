/**
 * Reply bundles (shared/bundle/reply.ts): the expert packs the newest verdict of each reviewed
 * diagnosis into a `.auscult` holding only its manifest; the technician's library applies it,
 * each verdict on the diagnosis it names, which must be one of this library's. Every verdict is
 * checked before any is written, then all are written in one transaction; a verdict already
 * here (the same reply opened twice) is not written again.
 */
import { BUNDLE_FORMAT, BUNDLE_VERSION, invalid } from '../../shared/bundle/manifest.ts';
import { BundleError } from '../../shared/bundle/refusals.ts';
import { isReply, replyVerdict } from '../../shared/bundle/reply.ts';
import type { ReplyManifest, ReplyVerdict } from '../../shared/bundle/reply.ts';
import type { CauseId } from '../../shared/diagnosis/vocabulary.ts';
import { checkedVerdictCause, VerdictRuleError } from '../../shared/verdicts/expertVerdict.ts';
import type { ExpertVerdict } from '../../shared/verdicts/expertVerdict.ts';
import { NotFoundError } from '../store/errors.ts';
import type { LibraryStore, NewExpertVerdict } from '../store/types.ts';
import type { OpenedBundle } from './reader.ts';
import { writeBundle } from './writer.ts';

/** A diagnosis named for a reply that has no verdict to send. */
export class NoVerdictError extends Error {
  override readonly name = 'NoVerdictError';
  readonly diagnosisId: string;
  constructor(diagnosisId: string) {
    super(`the diagnosis "${diagnosisId}" has no verdict to send back`);
    this.diagnosisId = diagnosisId;
  }
}

export interface ReplyRequest {
  readonly diagnosisIds: readonly string[];
  readonly senderName: string;
  readonly outPath: string;
  readonly now: Date;
}

/**
 * Writes the reply holding the newest verdict of each of `request.diagnosisIds` to
 * `request.outPath`. Rejects with NotFoundError for an unknown diagnosis, NoVerdictError for one
 * without a verdict.
 */
export async function packReply(
  store: LibraryStore,
  request: ReplyRequest,
): Promise<{ manifest: ReplyManifest; sizeBytes: number }> {
  const verdicts: ReplyVerdict[] = [];
  for (const diagnosisId of new Set(request.diagnosisIds)) {
    const newest = (await store.verdicts.list(diagnosisId))[0];
    if (!newest) throw new NoVerdictError(diagnosisId);
    verdicts.push(replyVerdict(newest));
  }
  const manifest: ReplyManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    kind: 'reply',
    createdAt: request.now.toISOString(),
    sender: { name: request.senderName },
    verdicts,
    entries: [],
  };
  return { manifest, sizeBytes: await writeBundle(request.outPath, manifest, []) };
}

async function hasVerdict(store: LibraryStore, verdictId: string): Promise<boolean> {
  try {
    await store.verdicts.version(verdictId);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** The verdict checked against this library's diagnosis, with its automatic cause from it. */
async function checkedVerdict(store: LibraryStore, verdict: ReplyVerdict, index: number) {
  let automaticCauseId: CauseId | null;
  try {
    automaticCauseId =
      (await store.diagnoses.get(verdict.diagnosisId)).report.causes[0]?.id ?? null;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new BundleError('reply-unknown-diagnosis', { diagnosisId: verdict.diagnosisId });
  }
  try {
    checkedVerdictCause(verdict, automaticCauseId);
  } catch (error) {
    if (error instanceof VerdictRuleError) throw invalid(`verdicts[${index}]`, error.message);
    throw error;
  }
  return { ...verdict, automaticCauseId, expertName: verdict.expertName.trim() };
}

export interface AppliedReply {
  readonly senderName: string;
  /** The verdicts written now (a reply opened before writes none). */
  readonly written: readonly ExpertVerdict[];
  readonly alreadyHeld: number;
}

/**
 * Applies the checked reply bundle (openBundle) to the library. Rejects with BundleError for a
 * review bundle, a verdict on a diagnosis this library does not hold, or a verdict that does not
 * fit its diagnosis (a confirmation of another cause); nothing is written then.
 */
export async function applyReply(store: LibraryStore, bundle: OpenedBundle): Promise<AppliedReply> {
  const manifest = bundle.manifest;
  if (!isReply(manifest)) throw new BundleError('not-a-reply');
  const checked: (NewExpertVerdict & { readonly id: string })[] = [];
  for (const [index, verdict] of manifest.verdicts.entries()) {
    checked.push(await checkedVerdict(store, verdict, index));
  }
  const written = await store.transaction(async (tx) => {
    const stored: ExpertVerdict[] = [];
    for (const verdict of checked) {
      if (!(await hasVerdict(tx, verdict.id))) stored.push(await tx.verdicts.insert(verdict));
    }
    return stored;
  });
  return {
    senderName: manifest.sender.name,
    written,
    alreadyHeld: checked.length - written.length,
  };
}
