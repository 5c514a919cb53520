#!/usr/bin/env python3
"""Reference values for Auscult's spectral DSP (windows, Welch, spectrogram) from scipy.

Run from the repository root:  python3 scripts/references/spectral.py
Writes tests/fixtures/references/spectral/{signals,windows,detrend,welch,spectrogram}.json.

Fixture format (shared with scripts/references/time_domain.py, read by
tests/helpers/references.ts): plain JSON; every numeric array is an object
{"dtype": "float64", "shape": [...], "base64": "<little-endian bytes>"}, so values
survive bit for bit. Input signals are stored too, so the TypeScript tests need no Python.
Options in the cases use the TypeScript names; the scipy call is given in "scipy".
"""

import base64
import json
import platform
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import signal

OUT_DIR = Path("tests/fixtures/references/spectral")


def encode(array):
    """A numpy array as the shared fixture object (float64, little-endian, base64)."""
    data = np.ascontiguousarray(np.asarray(array, dtype="<f8"))
    return {
        "dtype": "float64",
        "shape": list(data.shape),
        "base64": base64.b64encode(data.tobytes()).decode("ascii"),
    }


def make_signals():
    """Deterministic test signals: formulas plus a seeded generator (numpy PCG64)."""
    rng = np.random.default_rng(20240607)
    signals = {}

    fs = 1000.0
    t = np.arange(4099) / fs  # odd length: Welch drops the remainder
    signals["sines"] = (fs, 0.3 + np.sin(2 * np.pi * 50 * t)
                        + 0.5 * np.sin(2 * np.pi * 123.4 * t + 0.3)
                        + 0.1 * np.cos(2 * np.pi * 400 * t))

    signals["noise"] = (48000.0, 0.5 * rng.standard_normal(8191))

    fs = 2000.0
    t = np.arange(6000) / fs
    chirp = signal.chirp(t, f0=20, t1=t[-1], f1=800, method="linear")
    signals["chirp-trend"] = (fs, chirp + 0.4 * t / t[-1] - 0.1
                              + 0.05 * rng.standard_normal(t.size))

    impulses = np.zeros(2000)
    impulses[[10, 333, 1000, 1777]] = [1.0, -0.5, 2.0, 0.7]
    signals["impulses"] = (1000.0, impulses)
    return signals


def scipy_kwargs(options):
    """TypeScript option names to scipy keyword arguments."""
    kwargs = {
        "window": options.get("window", "hann"),
        "nperseg": options["segmentLength"],
        "detrend": options.get("detrend", "constant"),
        "scaling": options.get("scaling", "density"),
    }
    if "overlapSamples" in options:
        kwargs["noverlap"] = options["overlapSamples"]
    if "fftLength" in options:
        kwargs["nfft"] = options["fftLength"]
    return kwargs


def describe_call(function, signal_name, kwargs):
    args = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    return f"scipy.signal.{function}({signal_name}, fs, {args})"


WELCH_CASES = [
    ("sines", {"segmentLength": 256}),
    ("sines", {"segmentLength": 256, "scaling": "spectrum"}),
    ("sines", {"segmentLength": 1024, "overlapSamples": 0, "window": "flattop",
               "detrend": False, "scaling": "spectrum"}),
    ("sines", {"segmentLength": 255, "overlapSamples": 100, "window": "hamming"}),
    ("noise", {"segmentLength": 1024, "overlapSamples": 512}),
    ("noise", {"segmentLength": 512, "overlapSamples": 384, "window": "blackmanharris",
               "detrend": "linear"}),
    ("noise", {"segmentLength": 256, "average": "median"}),
    ("noise", {"segmentLength": 500, "overlapSamples": 250, "average": "median",
               "scaling": "spectrum"}),
    ("noise", {"segmentLength": 4096, "overlapSamples": 2048}),
    ("chirp-trend", {"segmentLength": 512, "fftLength": 1024, "detrend": "linear"}),
    ("chirp-trend", {"segmentLength": 200, "overlapSamples": 50, "window": "boxcar",
                     "detrend": False}),
    ("impulses", {"segmentLength": 128, "overlapSamples": 96, "scaling": "spectrum"}),
]

SPECTROGRAM_CASES = [
    ("chirp-trend", {"segmentLength": 256, "overlapSamples": 192}),
    ("sines", {"segmentLength": 200, "overlapSamples": 0, "window": "hamming",
               "detrend": False, "scaling": "spectrum"}),
    ("noise", {"segmentLength": 512, "overlapSamples": 256, "window": "blackmanharris",
               "detrend": "linear", "fftLength": 1024}),
    ("impulses", {"segmentLength": 127, "overlapSamples": 64, "window": "flattop"}),
]

WINDOW_NAMES = ["boxcar", "hann", "hamming", "blackmanharris", "flattop"]
WINDOW_LENGTHS = [1, 3, 5, 8, 63, 256]


def window_cases():
    cases = []
    for name in WINDOW_NAMES:
        for length in WINDOW_LENGTHS:
            for symmetric in (False, True):
                w = signal.get_window(name, length, fftbins=not symmetric)
                cases.append({
                    "window": name,
                    "length": length,
                    "symmetric": symmetric,
                    "scipy": f"scipy.signal.get_window({name!r}, {length}, fftbins={not symmetric})",
                    "values": encode(w),
                    "coherentGain": float(np.sum(w) / length),
                    "equivalentNoiseBandwidthBins": float(length * np.sum(w**2) / np.sum(w)**2),
                })
    return cases


def detrend_cases(signals):
    cases = []
    for name in ("impulses", "chirp-trend"):
        for kind in ("constant", "linear"):
            cases.append({
                "signal": name,
                "type": kind,
                "scipy": f"scipy.signal.detrend({name}, type={kind!r})",
                "values": encode(signal.detrend(signals[name][1], type=kind)),
            })
    return cases


def welch_cases(signals):
    cases = []
    for name, options in WELCH_CASES:
        fs, x = signals[name]
        kwargs = scipy_kwargs(options)
        kwargs["average"] = options.get("average", "mean")
        frequencies, values = signal.welch(x, fs, **kwargs)
        step = options["segmentLength"] - kwargs.get("noverlap", options["segmentLength"] // 2)
        cases.append({
            "signal": name,
            "options": options,
            "scipy": describe_call("welch", name, kwargs),
            "segmentCount": (x.size - options["segmentLength"]) // step + 1,
            "frequenciesHz": encode(frequencies),
            "values": encode(values),
        })
    return cases


def spectrogram_cases(signals):
    cases = []
    for name, options in SPECTROGRAM_CASES:
        fs, x = signals[name]
        kwargs = scipy_kwargs(options)
        kwargs["mode"] = "psd"
        frequencies, times, values = signal.spectrogram(x, fs, **kwargs)
        cases.append({
            "signal": name,
            "options": options,
            "scipy": describe_call("spectrogram", name, kwargs),
            "frequenciesHz": encode(frequencies),
            "timesSeconds": encode(times),
            # scipy returns bins × frames; the TypeScript layout is frames × bins, row-major.
            "values": encode(values.T),
        })
    return cases


def write(name, cases_key, cases, **extra):
    document = {
        "generator": "scripts/references/spectral.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        **extra,
        cases_key: cases,
    }
    path = OUT_DIR / f"{name}.json"
    path.write_text(json.dumps(document, indent=1, allow_nan=False) + "\n")
    return path


def main():
    if not Path("package.json").exists():
        sys.exit("run from the repository root: python3 scripts/references/spectral.py")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    signals = make_signals()
    encoded = {name: {"sampleRateHz": fs, "samples": encode(x)}
               for name, (fs, x) in signals.items()}
    paths = [
        write("signals", "signals", encoded),
        write("windows", "cases", window_cases()),
        write("detrend", "cases", detrend_cases(signals)),
        write("welch", "cases", welch_cases(signals)),
        write("spectrogram", "cases", spectrogram_cases(signals)),
    ]
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
