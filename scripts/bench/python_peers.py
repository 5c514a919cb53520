"""Python peers of the DSP benchmark (npm run bench): the same job as Auscult's analysis.

Job: Welch PSD of the recording (Hann, 8192 points, 50 % overlap, density, constant detrend)
and the envelope spectrum (Welch PSD, same settings, of the Hilbert envelope |x + j·H(x)|).

  python3 python_peers.py scipy FILE.wav     # scipy.signal.welch + scipy.signal.hilbert
  python3 python_peers.py numpy FILE.wav     # chunked numpy: bounded memory, strided segments

Prints one JSON line: computeSeconds, totalSeconds (from interpreter start), maxRssMb, and a
few result figures so the benchmark can check that all implementations agree.
"""
import json
import resource
import sys
import time

START = time.perf_counter()
import numpy as np  # noqa: E402

SEGMENT = 8192
HOP = SEGMENT // 2
CHUNK_SEGMENTS = 256  # segments per chunk in the numpy version: ~1 M samples at a time
ENVELOPE_BLOCK = 1 << 18
ENVELOPE_GUARD = 8192  # samples discarded at each side of a Hilbert block (edge effects)


def read_wav(path):
    """Memory-maps the data chunk of a 16-bit PCM or 32-bit float mono WAV (the bench's file)."""
    with open(path, 'rb') as f:
        header = f.read(4096)
    fmt_at = header.index(b'fmt ')
    code, channels, rate = np.frombuffer(header, '<u2', 2, fmt_at + 8)[0], None, None
    channels = int(np.frombuffer(header, '<u2', 1, fmt_at + 10)[0])
    rate = int(np.frombuffer(header, '<u4', 1, fmt_at + 12)[0])
    bits = int(np.frombuffer(header, '<u2', 1, fmt_at + 22)[0])
    data_at = header.index(b'data')
    size = int(np.frombuffer(header, '<u4', 1, data_at + 4)[0])
    dtype = '<f4' if code == 3 or (code == 0xFFFE and bits == 32) else '<i2'
    assert channels == 1, 'the benchmark file is mono'
    samples = np.memmap(path, dtype=dtype, mode='r', offset=data_at + 8, shape=(size // (bits // 8),))
    scale = 1.0 if dtype == '<f4' else 1.0 / 32768.0
    return samples, rate, scale


def summary(freqs, psd, env_psd):
    low = freqs > 1.0
    return {
        'psdPeakHz': float(freqs[np.argmax(psd)]),
        'psdTotal': float(np.sum(psd) * (freqs[1] - freqs[0])),
        'envelopePeakHz': float(freqs[low][np.argmax(env_psd[low])]),
        'envelopeTotal': float(np.sum(env_psd) * (freqs[1] - freqs[0])),
    }


def run_scipy(path):
    import scipy.signal as ss

    raw, rate, scale = read_wav(path)
    t0 = time.perf_counter()
    x = np.asarray(raw, dtype=np.float64) * scale
    freqs, psd = ss.welch(x, rate, window='hann', nperseg=SEGMENT, noverlap=HOP)
    envelope = np.abs(ss.hilbert(x))
    _, env_psd = ss.welch(envelope, rate, window='hann', nperseg=SEGMENT, noverlap=HOP)
    return time.perf_counter() - t0, summary(freqs, psd, env_psd)


class WelchSum:
    """Running sum of Hann-windowed periodograms over consecutive blocks of one signal."""

    def __init__(self, rate):
        self.window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(SEGMENT) / SEGMENT)
        self.scale = 1.0 / (rate * np.sum(self.window ** 2))
        self.tail = np.zeros(0)
        self.total = np.zeros(SEGMENT // 2 + 1)
        self.count = 0

    def push(self, block):
        data = np.concatenate([self.tail, block])
        n = 0 if len(data) < SEGMENT else (len(data) - SEGMENT) // HOP + 1
        if n:
            frames = np.lib.stride_tricks.sliding_window_view(data, SEGMENT)[::HOP][:n]
            frames = frames - frames.mean(axis=1, keepdims=True)
            spectra = np.fft.rfft(frames * self.window, axis=1)
            self.total += np.sum(spectra.real ** 2 + spectra.imag ** 2, axis=0)
            self.count += n
        self.tail = data[n * HOP:]

    def result(self):
        psd = self.total * self.scale / self.count
        psd[1:-1] *= 2
        return psd


def hilbert_envelope_blocks(raw, scale):
    """|analytic signal| block by block, each block padded by a guard that is then discarded.

    Reads and scales one block at a time (the whole file is never converted at once), and takes
    the Hilbert transform with a real FFT pair: H{x} = irfft(-j·sign(f)·rfft(x)), so
    |x + jH{x}| = sqrt(x² + H{x}²). That is half the work of scipy.signal.hilbert's complex
    fft/ifft and the same method Auscult uses, so the comparison is of implementations.
    """
    n = len(raw)
    step = ENVELOPE_BLOCK - 2 * ENVELOPE_GUARD
    for start in range(0, n, step):
        lo = max(0, start - ENVELOPE_GUARD)
        hi = min(n, start + step + ENVELOPE_GUARD)
        block = np.asarray(raw[lo:hi], dtype=np.float64) * scale
        spectrum = np.fft.rfft(block)
        rotated = spectrum * -1j
        rotated[0] = 0
        if len(block) % 2 == 0:
            rotated[-1] = 0
        quadrature = np.fft.irfft(rotated, len(block))
        keep = slice(start - lo, start - lo + min(step, n - start))
        yield np.sqrt(block[keep] ** 2 + quadrature[keep] ** 2)


def run_numpy(path):
    raw, rate, scale = read_wav(path)
    t0 = time.perf_counter()
    signal_sum, envelope_sum = WelchSum(rate), WelchSum(rate)
    chunk = CHUNK_SEGMENTS * HOP
    for start in range(0, len(raw), chunk):
        signal_sum.push(np.asarray(raw[start:start + chunk], dtype=np.float64) * scale)
    for block in hilbert_envelope_blocks(raw, scale):
        envelope_sum.push(block)
    freqs = np.arange(SEGMENT // 2 + 1) * rate / SEGMENT
    return time.perf_counter() - t0, summary(freqs, signal_sum.result(), envelope_sum.result())


def main():
    which, path = sys.argv[1], sys.argv[2]
    compute_seconds, figures = (run_scipy if which == 'scipy' else run_numpy)(path)
    print(json.dumps({
        'implementation': f'python-{which}',
        'computeSeconds': compute_seconds,
        'totalSeconds': time.perf_counter() - START,
        'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        **figures,
    }))


if __name__ == '__main__':
    main()
