import { describe, expect, it } from 'vitest';
import { BlockGatherer, monoSamples } from '../../../../renderer/features/record/audioFrames.ts';
import type { AudioFrame } from '../../../../renderer/features/record/audioFrames.ts';

/** An AudioData stand-in holding float32 planes, copied out as AudioData.copyTo does. */
function frameOf(planes: Float32Array[]): AudioFrame {
  return {
    numberOfFrames: planes[0].length,
    numberOfChannels: planes.length,
    copyTo(destination, options) {
      expect(options.format).toBe('f32-planar');
      (destination as Float32Array).set(planes[options.planeIndex]);
    },
  };
}

describe('monoSamples', () => {
  it('gives a single channel bit for bit', () => {
    const plane = Float32Array.from({ length: 480 }, (_, i) => Math.sin(i * 0.37) * 0.9);
    expect(monoSamples(frameOf([plane]))).toEqual(plane);
  });

  it('mixes channels as the AudioWorklet does: summed in doubles, times 1/channels', () => {
    const planes = [0.1, 0.2, 0.7].map((phase) =>
      Float32Array.from({ length: 480 }, (_, i) => Math.sin(i * 0.11 + phase) / 3),
    );
    const out = monoSamples(frameOf(planes));
    // captureProcessor.worklet.ts's loop, written out.
    const expected = new Float32Array(480);
    for (let i = 0; i < 480; i++) {
      let sum = 0;
      for (const plane of planes) sum += plane[i];
      expected[i] = sum * (1 / 3);
    }
    expect(out).toEqual(expected);
  });
});

describe('BlockGatherer', () => {
  it('hands out whole blocks in order and the rest on take, losing and adding nothing', () => {
    const gatherer = new BlockGatherer(1000);
    const input = Float32Array.from({ length: 4321 }, (_, i) => i);
    const blocks: Float32Array[] = [];
    for (let offset = 0; offset < input.length; offset += 441) {
      blocks.push(...gatherer.push(input.subarray(offset, offset + 441)));
    }
    expect(blocks.map((block) => block.length)).toEqual([1000, 1000, 1000, 1000]);
    const rest = gatherer.take();
    expect(rest?.length).toBe(321);
    const joined = new Float32Array(4321);
    [...blocks, rest ?? new Float32Array()].reduce((at, block) => {
      joined.set(block, at);
      return at + block.length;
    }, 0);
    expect(joined).toEqual(input);
    expect(gatherer.take()).toBeNull();
  });
});
