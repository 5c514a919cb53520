/**
 * Why a review bundle is refused (docs/formats.md, "Review bundles"): a reason code with its
 * parameters, worded in English for the command line and logs and in Simplified Chinese for the
 * page. Every refusal is one sentence; nothing is written before the checks that can be made
 * without extracting, and what extraction wrote is removed when a later check fails.
 */
import type { Language } from '../api/limits.ts';

export const BUNDLE_REFUSALS = [
  'not-a-bundle',
  'damaged',
  'zip64',
  'multi-disk',
  'too-many-entries',
  'too-large',
  'ratio',
  'unsafe-path',
  'symlink',
  'special-entry',
  'duplicate-name',
  'encrypted',
  'unsupported-compression',
  'nested-archive',
  'manifest-missing',
  'manifest-not-json',
  'unknown-version',
  'invalid-manifest',
  'entry-not-in-manifest',
  'entry-missing',
  'size-mismatch',
  'hash-mismatch',
  'crc-mismatch',
  'unknown-kind',
  'reply-with-files',
  'reply-unknown-diagnosis',
  'not-a-reply',
  'not-a-review',
  'own-machine',
  'decoded-not-wav',
  'decoded-mismatch',
] as const;
export type BundleRefusalCode = (typeof BUNDLE_REFUSALS)[number];

export type BundleParams = Readonly<Record<string, string | number>>;

/** A hostile name cannot break the one-line sentence: control characters become '?'. */
function printable(value: string | number): string | number {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, '?') : value;
}

/** A refused bundle: `code` says why, `params` the entry, sizes or limits concerned. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  readonly code: BundleRefusalCode;
  readonly params: BundleParams;
  constructor(code: BundleRefusalCode, params: BundleParams = {}) {
    const safe = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, printable(value)]),
    );
    super(bundleRefusalSentence(code, safe, 'en'));
    this.code = code;
    this.params = safe;
  }
}

type Words = (p: BundleParams) => string;

const EN: Record<BundleRefusalCode, Words> = {
  'not-a-bundle': () => 'the file is not an Auscult review bundle (no zip directory found)',
  damaged: (p) => `the bundle is damaged: ${p.detail}`,
  zip64: () => 'the bundle uses ZIP64, which review bundles never need',
  'multi-disk': () => 'the bundle is split over several files',
  'too-many-entries': (p) => `the bundle holds ${p.count} files, more than the ${p.limit} allowed`,
  'too-large': (p) => `the bundle would unpack to ${p.sizeBytes} bytes, more than ${p.limitBytes}`,
  ratio: (p) => `"${p.path}" would expand more than ${p.limit} times its packed size`,
  'unsafe-path': (p) => `"${p.path}" is not a safe file name inside a bundle (${p.why})`,
  symlink: (p) => `"${p.path}" is a symbolic link, which a bundle may not hold`,
  'special-entry': (p) => `"${p.path}" is a folder or special file, which a bundle may not hold`,
  'duplicate-name': (p) => `"${p.path}" appears twice in the bundle (names compared ignoring case)`,
  encrypted: (p) => `"${p.path}" is encrypted, which a bundle may not be`,
  'unsupported-compression': (p) => `"${p.path}" uses compression method ${p.method}`,
  'nested-archive': (p) => `"${p.path}" is itself an archive, which a bundle may not hold`,
  'manifest-missing': () => 'the bundle does not start with its manifest.json',
  'manifest-not-json': () => "the bundle's manifest.json is not valid JSON",
  'unknown-version': (p) => `the bundle is of version ${p.version}, which this Auscult cannot read`,
  'invalid-manifest': (p) => `the bundle's manifest is invalid at ${p.field}: ${p.problem}`,
  'entry-not-in-manifest': (p) => `"${p.path}" is in the bundle but not in its manifest`,
  'entry-missing': (p) => `"${p.path}" is in the manifest but not in the bundle`,
  'size-mismatch': (p) =>
    `"${p.path}" holds ${p.actualBytes} bytes, not the ${p.sizeBytes} its manifest says`,
  'hash-mismatch': (p) => `"${p.path}" does not have the SHA-256 its manifest says`,
  'crc-mismatch': (p) => `"${p.path}" does not have the checksum its zip directory says`,
  'unknown-kind': (p) => `the bundle is of the kind "${p.kind}", which this Auscult cannot read`,
  'reply-with-files': () => 'a reply bundle holds only its manifest, and this one holds files',
  'reply-unknown-diagnosis': (p) =>
    `the reply has a verdict on the diagnosis "${p.diagnosisId}", which this library does not hold`,
  'not-a-reply': () => 'the bundle is a review bundle, not a reply; open it as a review',
  'not-a-review': () => 'the bundle is a reply, not a review bundle; open it as a reply',
  'own-machine': (p) =>
    `the bundle's machine "${p.machineId}" is already one of this library's own machines`,
  'decoded-not-wav': (p) =>
    `"${p.path}" should be a recording's decoded audio but is not a WAV file`,
  'decoded-mismatch': (p) =>
    `"${p.path}" (${p.wavRateHz} Hz, ${p.wavChannels} channel(s), ${p.wavSeconds} s) does not match its recording in the manifest (${p.rateHz} Hz, ${p.channels} channel(s), ${p.seconds} s)`,
};

const ZH: Record<BundleRefusalCode, Words> = {
  'not-a-bundle': () => '该文件不是 Auscult 评审包（找不到 zip 目录）',
  damaged: (p) => `评审包已损坏：${p.detail}`,
  zip64: () => '评审包使用了 ZIP64，评审包不需要这种格式',
  'multi-disk': () => '评审包被分割成多个文件',
  'too-many-entries': (p) => `评审包包含 ${p.count} 个文件，超过允许的 ${p.limit} 个`,
  'too-large': (p) => `评审包解压后为 ${p.sizeBytes} 字节，超过 ${p.limitBytes} 字节`,
  ratio: (p) => `“${p.path}”解压后会超过压缩大小的 ${p.limit} 倍`,
  'unsafe-path': (p) => `“${p.path}”不是评审包内安全的文件名（${p.why}）`,
  symlink: (p) => `“${p.path}”是符号链接，评审包不能包含符号链接`,
  'special-entry': (p) => `“${p.path}”是文件夹或特殊文件，评审包不能包含`,
  'duplicate-name': (p) => `“${p.path}”在评审包中出现两次（不区分大小写）`,
  encrypted: (p) => `“${p.path}”已加密，评审包不能加密`,
  'unsupported-compression': (p) => `“${p.path}”使用了不支持的压缩方法 ${p.method}`,
  'nested-archive': (p) => `“${p.path}”本身是压缩包，评审包不能包含压缩包`,
  'manifest-missing': () => '评审包没有以 manifest.json 开头',
  'manifest-not-json': () => '评审包的 manifest.json 不是有效的 JSON',
  'unknown-version': (p) => `评审包版本为 ${p.version}，此版本的 Auscult 无法读取`,
  'invalid-manifest': (p) => `评审包清单在 ${p.field} 处无效：${p.problem}`,
  'entry-not-in-manifest': (p) => `“${p.path}”在评审包中，但不在清单中`,
  'entry-missing': (p) => `“${p.path}”在清单中，但不在评审包中`,
  'size-mismatch': (p) =>
    `“${p.path}”有 ${p.actualBytes} 字节，而不是清单所说的 ${p.sizeBytes} 字节`,
  'hash-mismatch': (p) => `“${p.path}”的 SHA-256 与清单不符`,
  'crc-mismatch': (p) => `“${p.path}”的校验和与 zip 目录不符`,
  'unknown-kind': (p) => `评审包类型为“${p.kind}”，此版本的 Auscult 无法读取`,
  'reply-with-files': () => '回复包只能包含清单，而此回复包含有文件',
  'reply-unknown-diagnosis': (p) => `回复中有针对诊断“${p.diagnosisId}”的结论，但本库中没有该诊断`,
  'not-a-reply': () => '这是评审包，不是回复；请作为审核打开',
  'not-a-review': () => '这是回复，不是评审包；请作为回复打开',
  'own-machine': (p) => `评审包中的设备“${p.machineId}”已经是本库自己的设备`,
  'decoded-not-wav': (p) => `“${p.path}”应为录音解码后的音频，但不是 WAV 文件`,
  'decoded-mismatch': (p) =>
    `“${p.path}”（${p.wavRateHz} Hz，${p.wavChannels} 个声道，${p.wavSeconds} 秒）与清单中的录音（${p.rateHz} Hz，${p.channels} 个声道，${p.seconds} 秒）不符`,
};

/** The refusal as one sentence in `language`. */
export function bundleRefusalSentence(
  code: BundleRefusalCode,
  params: BundleParams,
  language: Language,
): string {
  const text = (language === 'zh-CN' ? ZH : EN)[code](params);
  return language === 'zh-CN' ? `${text}。` : `${text}.`;
}
