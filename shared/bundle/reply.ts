/**
 * Reply bundles (docs/formats.md, "Reply bundles"): what an expert sends back after a review, a
 * `.auscult` holding only its manifest, of kind 'reply', with the verdicts on the sender's
 * diagnoses. A reply carries no files; a verdict names the diagnosis it judges by the id it had
 * in the bundle, which is the id it has in the technician's library.
 */
import * as v from 'valibot';
import { CAUSE_IDS, SEVERITIES } from '../diagnosis/vocabulary.ts';
import {
  MAX_OTHER_CAUSE_LENGTH,
  MAX_VERDICT_COMPONENT_LENGTH,
  MAX_VERDICT_TEXT_LENGTH,
  VERDICT_CAUSES,
  VERDICT_DECISIONS,
} from '../verdicts/expertVerdict.ts';
import type { ExpertVerdict } from '../verdicts/expertVerdict.ts';
import type { BundleManifest } from './manifest.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  checkKind,
  entrySchema,
  ID,
  invalid,
  manifestJson,
  reviewManifest,
  TIME,
} from './manifest.ts';
import { BundleError } from './refusals.ts';

export const BUNDLE_KINDS = ['review', 'reply'] as const;
/** Most verdicts one reply carries. */
export const MAX_REPLY_VERDICTS = 1000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const replyVerdictSchema = v.pipe(
  v.strictObject({
    id: ID,
    diagnosisId: ID,
    decision: v.picklist(VERDICT_DECISIONS),
    causeId: v.nullable(v.picklist(VERDICT_CAUSES)),
    otherCause: text(MAX_OTHER_CAUSE_LENGTH),
    automaticCauseId: v.nullable(v.picklist(CAUSE_IDS)),
    componentId: v.nullable(text(MAX_VERDICT_COMPONENT_LENGTH)),
    severity: v.nullable(v.picklist(SEVERITIES)),
    action: text(MAX_VERDICT_TEXT_LENGTH),
    comment: text(MAX_VERDICT_TEXT_LENGTH),
    expertName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
    createdAt: TIME,
  }),
  v.check(
    (verdict) => verdict.decision === 'confirm' || verdict.causeId !== null,
    'a correction must name a cause',
  ),
  v.check(
    (verdict) => (verdict.causeId === 'other') === (verdict.otherCause.trim() !== ''),
    "the cause is given in words with 'other', and only then",
  ),
);

const replySchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  version: v.literal(BUNDLE_VERSION),
  kind: v.literal('reply'),
  createdAt: TIME,
  sender: v.strictObject({ name: v.pipe(v.string(), v.maxLength(200)) }),
  verdicts: v.pipe(v.array(replyVerdictSchema), v.minLength(1), v.maxLength(MAX_REPLY_VERDICTS)),
  entries: v.array(entrySchema),
});

export type ReplyManifest = v.InferOutput<typeof replySchema>;
export type ReplyVerdict = ReplyManifest['verdicts'][number];
/** The manifest of either kind of bundle. */
export type AnyBundleManifest = BundleManifest | ReplyManifest;

export function isReply(manifest: AnyBundleManifest): manifest is ReplyManifest {
  return manifest.kind === 'reply';
}

/** A stored verdict as a reply carries it: the technician's library fills in the rest. */
export function replyVerdict(verdict: ExpertVerdict): ReplyVerdict {
  return {
    id: verdict.id,
    diagnosisId: verdict.diagnosisId,
    decision: verdict.decision,
    causeId: verdict.causeId,
    otherCause: verdict.otherCause,
    automaticCauseId: verdict.automaticCauseId,
    componentId: verdict.componentId,
    severity: verdict.severity,
    action: verdict.action,
    comment: verdict.comment,
    expertName: verdict.expertName,
    createdAt: verdict.createdAt,
  };
}

function replyManifest(json: unknown): ReplyManifest {
  // Version 2 added decoded audio to review bundles; a reply carries no audio.
  checkKind(json, [BUNDLE_VERSION]);
  const result = v.safeParse(replySchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    throw invalid(v.getDotPath(issue) ?? '(the root)', issue.message);
  }
  if (result.output.entries.length > 0) throw new BundleError('reply-with-files');
  const ids = new Set(result.output.verdicts.map((verdict) => verdict.id));
  if (ids.size !== result.output.verdicts.length) throw invalid('verdicts', 'the same id twice');
  return result.output;
}

/** The manifest in `text`, of either kind, or BundleError saying what is wrong with it. */
export function parseAnyManifest(text: string): AnyBundleManifest {
  const json = manifestJson(text);
  checkKind(json);
  const kind = (json as { kind?: unknown }).kind ?? 'review';
  if (kind === 'review') return reviewManifest(json);
  if (kind === 'reply') return replyManifest(json);
  throw new BundleError('unknown-kind', { kind: String(kind).slice(0, 40) });
}
