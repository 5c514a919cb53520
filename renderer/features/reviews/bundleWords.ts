/** A bundle's refusal and what opening one did, in the page's words. */
import type { TFunction } from 'i18next';
import type { BundleOpenResult, Language } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';

/** The refusal sentence the host sent in both languages, else the page's usual sentence. */
export function bundleErrorSentence(
  error: unknown,
  language: Language,
  describe: (error: unknown) => string,
): string {
  if (error instanceof ApiError && error.reason === 'bundle-refused') {
    const sentence = language === 'zh-CN' ? error.params.sentenceZh : error.params.sentenceEn;
    if (typeof sentence === 'string') return sentence;
  }
  return describe(error);
}

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
