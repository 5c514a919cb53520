/** 给所有人看的简体中文：哪里出了问题、怎么处理、多快处理、依据是什么。 */
import { rate } from './rate.ts';
import type { PlainWords } from './words.ts';

const BEARING_FIX = '安排更换轴承';

const WHEN = {
  slight: '在下次计划保养时',
  moderate: '在一周内',
  serious: '在下一班开始前',
} as const;

export const PLAIN_ZH_CN: PlainWords = {
  causes: {
    unbalance: { problem: (c) => `${c ?? '旋转部件'}不平衡`, fix: '做动平衡' },
    misalignment: { problem: (c) => `${c ?? '轴'}不对中`, fix: '重新对中' },
    looseness: {
      problem: (c) => (c ? `${c}处有松动` : '有部件松动'),
      fix: '紧固螺栓和安装座',
    },
    'bearing-outer-race': { problem: (c) => `${c ?? '轴承'}外圈损伤`, fix: BEARING_FIX },
    'bearing-inner-race': { problem: (c) => `${c ?? '轴承'}内圈损伤`, fix: BEARING_FIX },
    'bearing-rolling-element': { problem: (c) => `${c ?? '轴承'}滚动体损伤`, fix: BEARING_FIX },
    'bearing-part-uncertain': {
      problem: (c) => `${c ?? '轴承'}损伤，部位不确定`,
      fix: BEARING_FIX,
    },
    'bearing-cage': { problem: (c) => `${c ?? '轴承'}保持架失效`, fix: '更换轴承' },
    'lead-screw-contamination': { problem: (c) => `${c ?? '滚珠丝杠'}内有切屑或杂物`, fix: '清理' },
    'lead-screw-wear': { problem: (c) => `${c ?? '滚珠丝杠'}磨损`, fix: '测量反向间隙并安排大修' },
    'gear-wear': { problem: (c) => `${c ?? '齿轮'}齿面磨损或损伤`, fix: '检查齿面' },
    belt: { problem: (c) => `${c ?? '皮带'}打滑、松弛或磨损`, fix: '检查皮带及其张紧' },
    electrical: { problem: (c) => `${c ?? '电机'}有电气故障`, fix: '请人检查电机' },
    chatter: { problem: () => '切削颤振', fix: '调整切削参数' },
    lubrication: { problem: (c) => `${c ?? '部件'}润滑不足`, fix: '检查润滑' },
    unexplained: { problem: () => '机器的声音与健康时不同', fix: '请专家听一下这段录音' },
  },
  headline: (problem, fix, severity) =>
    severity === 'extreme'
      ? `${problem}——请立即停机并${fix}`
      : `${problem}——请${WHEN[severity]}${fix}`,
  urgency: {
    slight: '轻微：变化很小；在下次计划保养时处理。',
    moderate: '中等：变化明显；一周内处理。',
    serious: '严重：变化很大；下一班开始前处理。',
    extreme: '极严重：很可能已经损坏；立即停机处理。',
  },
  scale:
    '紧急程度：轻微——下次计划保养时 · 中等——一周内 · 严重——下一班开始前 · 极严重——立即停机处理。',
  evidence: {
    'envelope-family': (p) =>
      `有规律的撞击声，每秒约 ${rate(p.defectHz)} 次，与${p.defect.componentId ?? '某个部件'}的转动同步`,
    'envelope-excess': () => '噪声里有健康机器没有的节拍',
    'shaft-sidebands': () => '撞击声随轴的每一转时强时弱',
    'cage-sidebands': () => '撞击声随保持架的每一转时强时弱',
    'kinematic-origin': (p) => `音调与${p.frequency.componentId ?? p.speed.shaftId}的转动相符`,
    'impacts-against-baseline': () => '有健康机器没有的撞击声',
    'impacts-without-baseline': () => '声音里有尖锐的撞击声',
    'impacts-irregular': () => '撞击不规则，与任何转动部件都不同步',
    'high-frequency-floor': () => '高频嘶嘶声比健康时更大',
    'gear-mesh-raised': () => '齿轮啮合的啸叫声比健康时更大',
    'gear-sidebands-raised': (p) => (p.sidebands.length > 0 ? '啸叫声随齿轮每一转而起伏' : null),
    'belt-lines-raised': () => '皮带的节拍声比健康时更大',
    'shaft-looseness': () => '在轴转速的多个倍数上有咔嗒声',
    'shaft-order-raised': (p) =>
      `${p.order === 1 ? '转速处' : `转速 ${p.order} 倍处`}的嗡嗡声比健康时更大`,
    'rise-at-1x-alone': () => '只在转速本身处升高',
    'chatter-line': (p) =>
      `在 ${Math.round(p.frequencyHz)} Hz 附近有一个强音，任何转动部件都解释不了`,
    'chatter-not-kinematic': () => null,
    'chatter-near-mode': () => '正处在机床自身容易共振的频率',
    'chatter-harmonics': () => null,
    'broadband-floor': () => '宽频嘶嘶声比健康时更大',
    'no-impacts': () => '没有撞击声',
    'line-2x-raised': () => '电机的电磁嗡嗡声比健康时更大',
    'pole-pass-sidebands': () => '嗡嗡声随电机转差起伏',
    'no-pole-pass-sidebands': () => null,
    'no-pattern-matches': () => '声音与健康时不同，但没有已知故障能解释',
    'anomalous-at': (p) => `声音在 ${p.findings.length} 个音调上与健康时不同`,
    'new-tone': (p) =>
      `在 ${Math.round(p.frequencyHz)} Hz 附近出现新的持续音（啸叫），任何转动部件都解释不了`,
    'shape-differs': () => '声音的频谱形状与健康时不同，但没有明显的单一音调',
    'rhythm-changed': () => '声音的节奏与健康时不同',
    'beats-missing': () => '机器有规律的撞击声少了一些',
    'bursts-appeared': () => '出现了短促的成串撞击声，像松动件的咔嗒声',
    'bearing-parts-overlap': () => '这些敲击声与轴承的不止一个部位相符',
    'bearing-no-impacts': () => '声音带有轴承自身的节奏，但没有能分辨部位的清晰敲击声',
  },
  irregularKnocks: '有健康机器没有的不规则撞击声',
  fallback: '声音与健康的机器不同。',
  sentence: (phrases) => `${phrases.join('；')}。`,
};
