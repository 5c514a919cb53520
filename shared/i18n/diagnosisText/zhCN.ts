/**
 * Simplified Chinese words of a diagnosis report, in a maintenance technician's vocabulary.
 * Ids of components and shafts are the user's own and stay as they are.
 */
import type { FindingKind, FrequencyRef, ShaftSpeedBasis } from '../../diagnosis/report.ts';
import { db, factor, hz, hzList, order, signedDb, stat } from './numbers.ts';
import type { DiagnosisWords } from './words.ts';
import { sign } from './words.ts';

const SYMBOLS: Partial<Record<FrequencyRef['kind'], string>> = {
  'bearing-bpfo': 'BPFO',
  'bearing-bpfi': 'BPFI',
  'bearing-bsf': 'BSF',
  'bearing-2bsf': '2×BSF',
  'bearing-ftf': 'FTF',
  'gear-mesh': '啮合频率',
  'ballscrew-rotation': '转频',
  'ballscrew-ball-pass': '滚珠通过频率',
  belt: '皮带频率',
  'pole-pass': '极通频率',
  line: '工频',
  'line-2x': '2 倍工频',
};

const KINDS: Readonly<Record<FindingKind, string>> = {
  peak: '峰值',
  band: '频带',
  envelope: '包络',
  impulsive: '冲击',
};

function symbol(ref: FrequencyRef): string {
  const shaft = ref.shaftId ?? '';
  const side = `${sign(ref.sideband ?? 0)} ${Math.abs(ref.sideband ?? 0)}×`;
  switch (ref.kind) {
    case 'shaft-order':
      return `${shaft} ${order(ref.order ?? 1)}× 转频`;
    case 'gear-sideband':
      return `啮合频率 ${side} ${shaft} 转频`;
    case 'pole-pass-sideband':
      return `${ref.carrier === 'line-2x' ? '2 倍工频' : `${shaft} 1× 转频`} ${sign(ref.sideband ?? 0)} 极通频率`;
    default:
      return SYMBOLS[ref.kind] ?? '特征频率';
  }
}

/**
 * Joins text, with a space where Latin letters or digits meet Chinese characters (the usual
 * typesetting of mixed text: "spindle-bearing 的 BPFO", "与 x-ballscrew 的滚珠通过频率").
 */
export function spaced(...parts: readonly string[]): string {
  return parts.reduce((text, part) => {
    const boundary = /[A-Za-z0-9)]$/.test(text) && /^[\u4e00-\u9fff]/.test(part);
    const reverse = /[\u4e00-\u9fff]$/.test(text) && /^[A-Za-z0-9(]/.test(part);
    return boundary || reverse ? `${text} ${part}` : text + part;
  }, '');
}

function frequencyName(ref: FrequencyRef): string {
  const name = symbol(ref);
  return ref.componentId === undefined ? name : spaced(ref.componentId, '的', name);
}

function speed(basis: ShaftSpeedBasis): string {
  if (basis.feedMmPerMin !== undefined && basis.leadMm !== undefined) {
    return `${basis.shaftId} 进给 ${factor(basis.feedMmPerMin)} mm/min ÷ 导程 ${factor(basis.leadMm)} mm = ${factor(basis.rpm)} r/min`;
  }
  return `${basis.shaftId} 转速 ${factor(basis.rpm)} r/min`;
}

function matches(match: { harmonic: number; frequency: FrequencyRef; targetHz: number } | null) {
  if (!match) return '';
  const times = match.harmonic > 1 ? `的 ${match.harmonic} 倍频` : '';
  return `；${spaced('与', frequencyName(match.frequency), times)}（${hz(match.targetHz)} Hz）吻合`;
}

const orders = (values: readonly number[]) => values.map((k) => `${order(k)}×`).join('、');

export const ZH_CN: DiagnosisWords = {
  causeNames: {
    unbalance: '不平衡',
    misalignment: '不对中',
    looseness: '机械松动',
    'bearing-outer-race': '轴承外圈故障',
    'bearing-inner-race': '轴承内圈故障',
    'bearing-rolling-element': '轴承滚动体故障',
    'bearing-cage': '轴承保持架故障',
    'bearing-part-uncertain': '轴承故障，部位不确定',
    'lead-screw-contamination': '丝杠污染（切屑或杂物）',
    'lead-screw-wear': '丝杠磨损（滚珠或滚道）',
    'gear-wear': '齿轮磨损',
    belt: '皮带故障',
    electrical: '电气故障',
    chatter: '颤振（切削振动）',
    lubrication: '润滑不良',
    unexplained: '无法解释的异常',
  },
  causeActions: {
    unbalance: '检查转子、卡盘和刀具是否缺失或附加了质量、是否有积屑；对旋转组件做动平衡。',
    misalignment: '检查联轴器和轴的对中（有条件时用激光对中仪），并检查底脚有无软脚。',
    looseness: '检查并按规定扭矩紧固地脚螺栓、轴承座和防护罩；查看底座有无裂纹、配合有无磨损。',
    'bearing-outer-race': '安排更换轴承；在此之前检查润滑，并每周跟踪 BPFO 谱线的变化趋势。',
    'bearing-inner-race': '尽快安排更换轴承（内圈损伤发展很快）；检查轴承与轴的配合。',
    'bearing-rolling-element': '安排更换轴承；检查润滑剂中有无金属颗粒。',
    'bearing-cage': '在下次停机时更换轴承：保持架损坏可能使轴承毫无预兆地卡死。',
    'bearing-part-uncertain':
      '安排更换轴承：轴承已有故障，但特征谱线无法区分是哪个部位；拆下后检查内外圈、滚动体和保持架。',
    'lead-screw-contamination':
      '拆下丝杠进行清洁：清除切屑和杂物，检查刮屑片和防护罩，然后重新润滑。',
    'lead-screw-wear': '测量反向间隙，检查滚珠螺母和滚道；安排滚珠丝杠大修或更换。',
    'gear-wear': '检查齿面有无磨损、点蚀或断齿；检查齿侧间隙和齿轮油。',
    belt: '检查皮带张紧力、磨损情况和带轮对中；更换有裂纹或表面硬化打滑的皮带。',
    electrical: '请对电机做电气检查（三相供电平衡、转子导条、气隙）；先排除附近的工频嗡声。',
    chatter: '调整切削参数（主轴转速、切削深度、进给量），缩短刀具悬伸，提高装夹刚性。',
    lubrication: '检查润滑系统：油位、注脂点、润滑剂状况以及油泵或定时器。',
    unexplained: '声音与健康基线不同，但无法归入已知故障：请专家复核这段录音。',
  },
  severities: { slight: '轻微', moderate: '中等', serious: '严重', extreme: '极其严重' },
  frequencyName,
  speed,
  findings: {
    'raised-line': (p) => `谱线高出健康最大值 ${db(p.excessDb)} dB${matches(p.match)}`,
    'raised-envelope-line': (p) => `包络谱线高出健康包络谱 ${db(p.excessDb)} dB${matches(p.match)}`,
    'raised-band': (p) =>
      `${hz(p.centreHz)} Hz 处的 1/6 倍频程频带高出健康水平 ${db(p.excessDb)} dB（z = ${stat(p.z)}）`,
    impacts: (p) => `冲击：高频峭度 ${stat(p.kurtosis)}，健康时为 ${stat(p.baselineKurtosis)}`,
    'kinematic-line-prominent': (p) =>
      `${frequencyName(p.frequency)}（${hz(p.frequencyHz)} Hz）高出${p.floor === 'envelope' ? '包络谱' : '频谱'}底噪 ${db(p.prominenceDb)} dB`,
  },
  evidence: {
    'envelope-family': (p) =>
      `包络谱峰值位于 ${hzList(
        p.harmonics.map((h) => h.frequencyHz),
        '、',
      )} Hz，${spaced('即', frequencyName(p.defect))}（${hz(p.defectHz)} Hz）的 ${orders(p.harmonics.map((h) => h.order))} 倍频，最高高出包络谱底噪 ${db(p.prominenceDb)} dB`,
    'envelope-excess': (p) => `最强谱线高出健康包络谱 ${db(p.excessDb)} dB`,
    'shaft-sidebands': (p) => `BPFI ± ${hz(p.shaftHz)} Hz 处有 ${p.count} 条转频边频带`,
    'cage-sidebands': (p) => `2×BSF ± ${hz(p.cageHz)} Hz 处有 ${p.count} 条保持架（FTF）边频带`,
    'kinematic-origin': (p) =>
      `${symbol(p.frequency)} = ${factor(p.factor)}${p.frequency.kind === 'gear-mesh' ? ' 齿' : ''} × ${factor(p.shaftSpeedHz)} Hz = ${hz(p.frequencyHz)} Hz（${speed(p.speed)}）`,
    'impacts-against-baseline': (p) =>
      `冲击：高频峭度 ${stat(p.kurtosis)}，健康时为 ${stat(p.baselineKurtosis)}（z = ${stat(p.z)}）`,
    'impacts-without-baseline': (p) => `冲击：高频峭度 ${stat(p.kurtosis)}（高斯噪声为 3）`,
    'impacts-irregular': () => '在任何滚珠通过频率或轴承故障频率处都没有周期性谱线：冲击是不规则的',
    'high-frequency-floor': (p) =>
      `高频底噪（${factor(p.fromHz)} Hz 以上）高出基线 ${db(p.levelDb)} dB`,
    'gear-mesh-raised': (p) =>
      `齿轮啮合频率 ${hz(p.frequencyHz)} Hz 处高出健康水平 ${db(p.excessDb)} dB`,
    'gear-sidebands-raised': (p) =>
      p.sidebands.length === 0
        ? '啮合频率两侧没有升高的边频带'
        : `${p.sidebands.length} 条边频带升高：${p.sidebands.map((s) => `${hz(s.frequencyHz)} Hz（${db(s.excessDb)} dB）`).join('、')}`,
    'belt-lines-raised': (p) =>
      `皮带频率谱线升高：${p.lines.map((l) => `${order(l.order)}× 位于 ${hz(l.frequencyHz)} Hz（${db(l.excessDb)} dB）`).join('、')}${p.lastInEnvelope ? '（最后一条在包络谱中）' : ''}`,
    'shaft-looseness': (p) =>
      `${hz(p.shaftHz)} Hz 转频的 ${p.harmonicCount} 个谐波和 ${p.halfOrderCount} 个半倍频升高 ≥ ${db(p.thresholdDb)} dB：${orders(p.orders)}`,
    'shaft-order-raised': (p) =>
      `${order(p.order)}× 转频（${hz(p.frequencyHz)} Hz）高出健康水平 ${db(p.excessDb)} dB`,
    'rise-at-1x-alone': (p) =>
      `2× 转频仅升高 ${db(p.secondOrderExcessDb)} dB：升高只出现在 1× 转频`,
    'chatter-line': (p) =>
      `${hz(p.frequencyHz)} Hz 处有一条强谱线，高出健康水平 ${db(p.excessDb)} dB，高出相邻频率 ${db(p.prominenceDb)} dB`,
    'chatter-not-kinematic': () =>
      '它不是任何轴转频或齿通过频率的谐波，也不是其他任何运动学特征频率',
    'chatter-near-mode': (p) => `靠近 ${hz(p.modeHz)} Hz 处的结构模态`,
    'chatter-harmonics': (p) => `带有自身的谐波：${hzList(p.frequenciesHz, '、')} Hz`,
    'broadband-floor': (p) =>
      `${factor(p.fromHz)} Hz 以上的宽带底噪高出基线 ${db(p.levelDb)} dB，涉及 ${p.raisedPercent}% 的频带`,
    'no-impacts': (p) => `没有冲击：高频峭度 ${stat(p.kurtosis)}`,
    'line-2x-raised': (p) => `2 倍工频 ${hz(p.frequencyHz)} Hz 处高出健康水平 ${db(p.excessDb)} dB`,
    'pole-pass-sidebands': (p) =>
      `${hzList(p.frequenciesHz, '、')} Hz 处有 ${p.frequenciesHz.length} 条极通频率边频带`,
    'no-pole-pass-sidebands': () => '没有极通频率边频带：先排查照明等其他工频嗡声，再检查电机',
    'no-pattern-matches': (p) => `异常分数 ${stat(p.anomalyScore)}，但没有匹配的已知故障模式`,
    'anomalous-at': (p) =>
      `异常频率：${p.findings.map((f) => `${hz(f.frequencyHz)} Hz（${KINDS[f.kind]}，${signedDb(f.excessDb)} dB）`).join('、')}`,
    'new-tone': (p) =>
      `${hz(p.frequencyHz)} Hz 处出现新的音调，不在任何轴的阶次上，高出健康水平 ${db(p.excessDb)} dB，附近没有已知的设备结构模态：不是颤振`,
    'shape-differs': () => '频谱形状不同，但没有明显的单独谱线',
    'rhythm-changed': (p) =>
      `1000 Hz 以上的声音按 ${p.findings.map((f) => `${hz(f.frequencyHz)} Hz（${signedDb(f.excessDb)} dB）`).join('、')} 的节律起伏，比健康时更强：节奏改变、摩擦或松动撞击`,
    'beats-missing': (p) =>
      `冲击比健康时少：1000 Hz 以上最响的 ${order(p.topPercent)}% 的 ${order(p.frameMs)} 毫秒片段比中位数高 ${db(p.levelDb)} dB，健康时为 ${db(p.healthyDb)} dB：工作循环缺拍或撞击停止`,
    'bursts-appeared': (p) =>
      `出现了短促的成串撞击：1000 Hz 以上最响的 ${order(p.topPercent)}% 的 ${order(p.frameMs)} 毫秒片段比中位数高 ${db(p.levelDb)} dB，健康时为 ${db(p.healthyDb)} dB：松动件的咔嗒声或新的冲击`,
    'bearing-parts-overlap': (p) =>
      `${p.parts.map((part) => `${ZH_CN.causeNames[part.cause]}（${part.confidence.toFixed(2)}）`).join('与')}的谱线强度相近：无法区分是哪个部位`,
    'bearing-no-impacts': (p) =>
      `轴承特征频率处有包络谱线，但没有冲击（峭度 ${stat(p.kurtosis)}，解调频带的谱峭度 ${stat(p.spectralKurtosis)}）：无法区分是哪个部位`,
  },
};
