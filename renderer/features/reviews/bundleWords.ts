/** What opening a bundle did, in the page's words (a refusal is an ApiError's sentence). */
import type { TFunction } from 'i18next';
import type { BundleOpenResult } from '../../../shared/api/contract.ts';

export function openedSentence(result: BundleOpenResult, t: TFunction): string {
  if (result.kind === 'reply') {
    return t('bundles.replyOpened', {
      sender: result.senderName || t('bundles.noSender'),
      count: result.diagnosisIds.length,
      held: result.alreadyHeld,
    });
  }
  return t(result.created ? 'bundles.reviewOpened' : 'bundles.reviewAlreadyOpen', {
    machine: result.review.machineName,
    sender: result.review.senderName || t('bundles.noSender'),
  });
}
