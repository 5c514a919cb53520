#!/usr/bin/env python3
"""Reference values for Auscult's time-domain DSP (Butterworth SOS design, sosfilt,
sosfiltfilt, Hilbert, resample_poly, kurtosis) from scipy.

Run from the repository root:  python3 scripts/references/time_domain.py
Writes tests/fixtures/references/timeDomain/{butter,sosfilt,hilbert,resample,stats}.json.

Fixture format (shared with scripts/references/spectral.py, read by
tests/helpers/references.ts): plain JSON; every numeric array is an object
{"dtype": "float64", "shape": [...], "base64": "<little-endian bytes>"}. Input signals are
stored too, so the TypeScript tests need no Python. Options use the TypeScript names; the
scipy call is given in "scipy". The output is deterministic (seeded numpy PCG64).
"""

import base64
import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import signal, stats

OUT_DIR = Path("tests/fixtures/references/timeDomain")
RNG = np.random.default_rng(20251125)


def encode(array):
    """A numpy array as the shared fixture object (float64, little-endian, base64)."""
    data = np.ascontiguousarray(np.asarray(array, dtype="<f8"))
    return {
        "dtype": "float64",
        "shape": list(data.shape),
        "base64": base64.b64encode(data.tobytes()).decode("ascii"),
    }


def write(name, data):
    payload = {
        "generator": "scripts/references/time_domain.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        **data,
    }
    path = OUT_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, allow_nan=False, indent=1) + "\n")
    print(f"{path}: {path.stat().st_size} bytes")


BUTTER_SPECS = [
    # (order, type, cutoffHz, sampleRateHz)
    (1, "lowpass", 1000.0, 48000.0),
    (2, "lowpass", 1000.0, 48000.0),
    (3, "lowpass", 1000.0, 48000.0),
    (4, "lowpass", 3400.0, 8000.0),
    (5, "lowpass", 20.0, 44100.0),
    (8, "lowpass", 23000.0, 48000.0),
    (1, "highpass", 500.0, 48000.0),
    (3, "highpass", 500.0, 48000.0),
    (4, "highpass", 10.0, 48000.0),
    (6, "highpass", 300.0, 8000.0),
    (7, "highpass", 15000.0, 44100.0),
    (1, "bandpass", [100.0, 20000.0], 48000.0),
    (2, "bandpass", [2000.0, 4000.0], 48000.0),
    (3, "bandpass", [2000.0, 4000.0], 48000.0),
    (4, "bandpass", [2000.0, 4000.0], 48000.0),
    (4, "bandpass", [2900.0, 3100.0], 48000.0),
    (5, "bandpass", [300.0, 3400.0], 8000.0),
    (3, "bandpass", [10.0, 21000.0], 44100.0),
    (6, "bandpass", [5000.0, 11000.0], 24000.0),
]


def butter_cases():
    cases = []
    for order, btype, cutoff, fs in BUTTER_SPECS:
        sos = signal.butter(order, cutoff, btype, output="sos", fs=fs)
        probe_hz = np.array([0.0, fs / 100, fs / 7, fs / 4, fs / 2.5])
        _, response = signal.sosfreqz(sos, worN=probe_hz, fs=fs)
        cases.append({
            "order": order, "type": btype, "cutoffHz": cutoff, "sampleRateHz": fs,
            "scipy": f"signal.butter({order}, {cutoff}, '{btype}', output='sos', fs={fs})",
            "sos": encode(sos),
            "probeHz": encode(probe_hz),
            "responseRe": encode(response.real),
            "responseIm": encode(response.imag),
        })
    return {"cases": cases}


def sosfilt_cases():
    fs = 48000.0
    n = 600
    t = np.arange(n) / fs
    x = 0.3 + np.sin(2 * np.pi * 440 * t) + 0.5 * RNG.standard_normal(n)
    filters = [
        (4, "bandpass", [2000.0, 4000.0]),
        (3, "lowpass", 1000.0),
        (2, "highpass", 500.0),
        (5, "lowpass", 8000.0),
    ]
    cases = []
    for order, btype, cutoff in filters:
        sos = signal.butter(order, cutoff, btype, output="sos", fs=fs)
        zi = signal.sosfilt_zi(sos)
        y_zi, zf = signal.sosfilt(sos, x, zi=zi * x[0])
        case = {
            "spec": {"order": order, "type": btype, "cutoffHz": cutoff, "sampleRateHz": fs},
            "sos": encode(sos),
            "zi": encode(zi),
            "sosfilt": encode(signal.sosfilt(sos, x)),
            "sosfiltWithZi": encode(y_zi),
            "finalState": encode(zf),
            "filtfilt": [],
        }
        for pad_type, pad_len in [("odd", None), ("even", None), ("constant", None),
                                  ("none", None), ("odd", 50), ("odd", 0)]:
            y = signal.sosfiltfilt(sos, x, padtype=None if pad_type == "none" else pad_type,
                                   padlen=pad_len)
            case["filtfilt"].append({
                "padType": pad_type, "padLength": pad_len,
                "scipy": f"signal.sosfiltfilt(sos, x, padtype={pad_type!r}, padlen={pad_len})",
                "expected": encode(y),
            })
        cases.append(case)
    return {"samples": encode(x), "sampleRateHz": fs, "cases": cases}


def hilbert_cases():
    cases = []
    for length, n in [(1, None), (2, None), (3, None), (7, None), (64, None), (100, None),
                      (255, None), (1000, None), (1024, None), (1001, None),
                      (100, 128), (100, 64), (37, 50)]:
        i = np.arange(length)
        x = np.sin(0.21 * i + 0.4) + 0.2 * np.cos(1.3 * i) + 0.1 * RNG.standard_normal(length)
        z = signal.hilbert(x, N=n)
        cases.append({
            "samples": encode(x), "length": n,
            "scipy": f"signal.hilbert(x, N={n})",
            "re": encode(z.real), "im": encode(z.imag),
        })
    return {"cases": cases}


def auscult_default_window(up, down):
    """The FIR Auscult uses by default (DEFAULT_RESAMPLE_DESIGN), for resample_poly(window=h)."""
    g = np.gcd(up, down)
    max_rate = max(up, down) // g
    half = 32 * max_rate
    return signal.firwin(2 * half + 1, 0.9 / max_rate, window=("kaiser", 8.0))


def resample_cases():
    n = 800
    i = np.arange(n)
    x = np.sin(2 * np.pi * 0.013 * i) + 0.3 * np.sin(2 * np.pi * 0.31 * i) \
        + 0.2 * RNG.standard_normal(n)
    cases = []
    for up, down in [(1, 6), (6, 1), (1, 4), (4, 1), (3, 2), (2, 3), (160, 147), (147, 160),
                     (10, 15)]:
        cases.append({
            "up": up, "down": down, "design": "scipy",
            "scipy": f"signal.resample_poly(x, {up}, {down})",
            "expected": encode(signal.resample_poly(x, up, down)),
        })
    for up, down in [(1, 6), (160, 147), (4, 1)]:
        h = auscult_default_window(up, down)
        case = {
            "up": up, "down": down, "design": "default",
            "scipy": f"signal.resample_poly(x, {up}, {down}, window=firwin(2*32*max+1, "
                     "0.9/max, window=('kaiser', 8.0)))",
            "expected": encode(signal.resample_poly(x, up, down, window=h)),
        }
        if h.size < 1000:  # the 160/147 filter (10241 taps) is checked through its output only
            case["filter"] = encode(h)
        cases.append(case)
    return {"samples": encode(x), "cases": cases}


def stats_cases():
    n = 2000
    impulsive = 0.1 * RNG.standard_normal(n)
    impulsive[::200] += 3.0
    signals = {
        "gaussian": RNG.standard_normal(n) + 0.5,
        "uniform": RNG.uniform(-1, 1, n),
        "sine": np.sin(2 * np.pi * 0.01 * np.arange(n)),
        "impulsive": impulsive,
        "skewed": RNG.exponential(1.0, n),
    }
    cases = []
    for name, x in signals.items():
        cases.append({
            "name": name,
            "samples": encode(x),
            "scipy": "stats.kurtosis(x, fisher=False), stats.skew(x)",
            "kurtosis": float(stats.kurtosis(x, fisher=False)),
            "skewness": float(stats.skew(x)),
            "rms": float(np.sqrt(np.mean(x ** 2))),
            "mean": float(np.mean(x)),
            "standardDeviation": float(np.std(x)),
            "peak": float(np.max(np.abs(x))),
        })
    return {"cases": cases}


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write("butter", butter_cases())
    write("sosfilt", sosfilt_cases())
    write("hilbert", hilbert_cases())
    write("resample", resample_cases())
    write("stats", stats_cases())


if __name__ == "__main__":
    main()
