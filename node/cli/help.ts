/** The help texts of the `auscult` command (docs/formats.md). */
import type { CommandName } from './args.ts';

const EXIT_STATUS = `Exit status: 0 when the work was done (whatever the verdict), 1 for unreadable or
invalid input (missing file, malformed WAV, invalid profile or baseline, recording shorter
than 0.5 s), 2 for wrong usage. Errors go to stderr in one sentence starting "auscult: ".`;

const OVERVIEW = `Usage: auscult <command> [options]

Auscult diagnoses machine-tool faults from sound: it compares a recording with the machine's
healthy baseline and names the anomalous frequencies and their likely causes.

Commands:
  baseline --profile P.json --out B.json healthy1.wav [healthy2.wav ...]
      build a healthy baseline signature from one or more healthy recordings
  diagnose --baseline B.json [--profile P.json] [--rpm SHAFT=RPM ...] [--lang L] [--json] rec.wav
      compare a recording with the baseline: verdict, findings, likely causes
  diagnose --profile P.json [--lang L] [--json] rec.wav
      no baseline yet: which characteristic frequencies stand out (kinematic evidence only)
  analyze [--json | --csv] [--calibration FILE [--sensitivity DBFS]] rec.wav
      signal statistics, spectrum peaks and envelope-spectrum peaks
  speed --profile P.json [--json] rec.wav
      estimate each shaft's speed from the recording, with a confidence
  log export [--home DIR] --format csv|pdf --out FILE [--machine M] [--status S] [--lang L]
      write the fault log of a library folder as a CSV file for spreadsheets, or a PDF report
  report --baseline B.json [--profile P.json] [--lang L] [--paper P] --out FILE rec.wav
      diagnose a recording and write the one-page diagnosis report as PDF, ready to sign
  hub migrate --database URL
      create or update the tables of an Auscult Hub's PostgreSQL database
  hub add-user --database URL --name NAME --role R [--plant P ...] --password-file F
      add a person who may sign in to the hub
  hub serve --database URL [--port N] [--host ADDR] [--work DIR] [--public-origin URL]
      serve the hub's page and API to people who sign in
  bundle pack [--home DIR] --recording ID [--recording ID ...] [--sender NAME] --out X.auscult
      write a review bundle of recordings for a remote expert
  bundle check X.auscult
      say what a review bundle holds and verify every file's SHA-256
  bundle unpack X.auscult --to DIR
      extract a review bundle into DIR (empty or new) and nowhere else
  bundle reply [--home DIR] --diagnosis ID [--diagnosis ID ...] [--sender NAME] --out X.auscult
      write a reply bundle holding the newest verdict on each diagnosis
  bundle open [--home DIR] X.auscult
      open a review bundle as a read-only review, or apply a reply's verdicts
  sync [--home DIR] [--once] [--connect URL --name N --password-file F [--plant ID]]
      send a library's new recordings and rows to its hub and take the hub's changes

Run "auscult <command> --help" for a command's details.
Recordings are WAV files (PCM 8/16/24/32-bit or float, any sample rate from 1 kHz, any number
of channels, mixed to mono); they are read block by block, so long recordings are fine.
Phone recordings (MP3, Ogg Opus/Vorbis, FLAC, AMR, 3GP) are decoded first at their own rate;
AAC (.m4a) cannot be decoded here: import it in the app (its page decodes AAC), or convert it
to WAV or FLAC.

${EXIT_STATUS}
`;

const TOPICS: Readonly<Record<CommandName, string>> = {
  baseline: `Usage: auscult baseline --profile P.json --out B.json healthy1.wav [healthy2.wav ...]

Builds a baseline signature from recordings of the machine in good condition and writes it to
B.json (replacing it atomically). With fewer than 4 recordings, each is cut into equal pieces so
that there are at least 6 (pieces of one recording are calibrated together; a single recording
must last at least 1 s). The anomaly threshold is calibrated by leave-one-out on these
recordings. Prints one line: the number of items and the threshold.

Options:
  --profile P.json   the machine profile (JSON, docs/formats.md): shafts with their rpm or feed,
                     and components (bearings, gears, ball screws, belts, motors)
  --out B.json       where to write the baseline (versioned JSON)
  -h, --help         show this help

${EXIT_STATUS}
`,
  diagnose: `Usage: auscult diagnose --baseline B.json [--profile P.json] [--rpm SHAFT=RPM ...]
                        [--lang L] [--json] rec.wav
       auscult diagnose --profile P.json [--lang L] [--json] rec.wav

Compares one recording with the machine's healthy baseline: prints the verdict (anomalous or
not), the anomaly score against the baseline's threshold, the findings (anomalous peaks, bands,
envelope lines, impulsiveness, with their excess in dB) and the likely causes, each with its
confidence, severity, evidence and the action to take. Without --baseline, only the profile's
characteristic frequencies are looked for in the recording, at lower confidence.

Options:
  --baseline B.json  a baseline written by "auscult baseline"
  --profile P.json   the machine profile; default: the one stored in the baseline
  --rpm SHAFT=RPM    the speed of a shaft of the profile during this recording (repeatable),
                     e.g. --rpm spindle=1450; default: the profile's speeds
  --lang L           the language of the report's sentences: en (default) or zh-CN
                     (Simplified Chinese)
  --json             print one JSON object instead of the text report:
                     { file, sampleRateHz, durationSeconds, anomalous, anomalyScore, threshold,
                       findings: [{ kind, frequencyHz, excessDb, detail, detailItem }],
                       causes: [{ id, componentId, confidence, severity, evidence, action,
                                  evidenceItems, actionItem }] }
                     findings[].kind is peak, band, envelope or impulsive; causes are sorted by
                     confidence, highest first, and empty when nothing is anomalous; detail,
                     evidence and action are sentences in --lang, and detailItem, evidenceItems
                     and actionItem the same as codes with parameters ({ code, params })
  -h, --help         show this help

The exit status is 0 whatever the verdict; read it from the output.
${EXIT_STATUS}
`,
  analyze: `Usage: auscult analyze [--json | --csv] [--calibration FILE [--sensitivity DBFS]] rec.wav

Describes a recording without a baseline: sample rate, duration, statistics (RMS, peak, crest
factor, kurtosis), the most prominent spectrum peaks (frequency, level, prominence over the
local floor) and the envelope spectrum of the band where impacts ring (chosen by spectral
kurtosis), with its most prominent lines. Levels are in dBFS (full scale = 1), or in dB SPL
(re 20 µPa) through a microphone calibration file.

Options:
  --calibration FILE the microphone's calibration (REW / miniDSP UMIK text: frequency in Hz and
                     response in dB per line, optional phase, comments starting with * or ",
                     an optional "Sens Factor =-0.8dB" header; docs/formats.md)
  --sensitivity DBFS the level in dBFS that 94 dB SPL at 1 kHz reads through this microphone
                     and input (an acoustic calibrator's reading), written --sensitivity=-30;
                     needed when the file has no Sens Factor, and preferred over it
  --csv              print the whole spectrum as CSV instead: frequency (Hz), level (dBFS/Hz),
                     or level (dB SPL/Hz) with --calibration
  --json             print one JSON object:
                     { file, sampleRateHz, durationSeconds, analysedMaxHz, levelUnit,
                       statistics: { rms, rmsDb, peak, crestFactor, kurtosis, rmsDbSpl? },
                       spectrum: { binWidthHz, peaks: [{ frequencyHz, levelDb, prominenceDb }] },
                       envelope: { demodulationBandHz, spectralKurtosis, significant,
                                   binWidthHz, peaks: [...] } }
                     levelUnit is "dBFS" or "dB SPL"; rmsDbSpl, with --calibration only, is the
                     level of the spectrum in dB SPL
  -h, --help         show this help

${EXIT_STATUS}
`,
  speed: `Usage: auscult speed --profile P.json [--json] rec.wav

Estimates the speed of every shaft of the profile from the recording itself: the harmonic
family of the shaft's rate in the spectrum, the cepstrum, and the lines the profile's parts put
at known multiples of it (gear mesh; bearing and ball-screw defect lines in the envelope
spectrum). Each shaft is searched between 0.6 and 1.4 times its speed in the profile, half and
double the winner are checked explicitly, and the confidence (0 to 1) says how clearly the
winner stands above any other candidate. Only the first 12 s are read. Prints one line per
shaft: its id, the estimated rpm, the confidence and the profile's rpm.

Options:
  --profile P.json   the machine profile (JSON, docs/formats.md)
  --json             print one JSON object instead:
                     { shafts: [{ id, rpm, confidence }] }, rpm to 0.1, in profile order
  -h, --help         show this help

${EXIT_STATUS}
`,
  log: `Usage: auscult log export [--home DIR] --format csv|pdf --out FILE [--machine M]
                          [--status S] [--lang L] [--paper P]

Writes the fault log of an Auscult library folder (the one the app and the web host use) to
FILE. As PDF: the filters used, counts by cause and by status, entries per month by cause and
the anomaly scores over time, then the table of the entries, newest first, over as many pages
as needed (docs/formats.md). As CSV: UTF-8 with a byte-order mark, one header row in --lang, one row per entry, newest
first, archived entries included (the Archived column says which). Times are ISO 8601 in UTC
(ending in Z); numbers use a dot decimal. Text cells starting with = + - @ get a leading
apostrophe so that spreadsheets do not run them as formulas. The columns are listed in
docs/formats.md. Prints one line: the file and the number of entries written. The library is
only read (an older one is migrated first, as the app would); a folder without a library is an
error, not a new library.

Options:
  --home DIR      the library folder; default: AUSCULT_HOME if set, else the per-user data
                  folder the app uses
  --format F      the file's format: csv or pdf
  --out FILE      where to write it (replaced atomically)
  --machine M     only the entries of this machine (its id or its exact name)
  --status S      only the entries in this status: open, acknowledged, repair-planned,
                  repaired, verified or dismissed
  --lang L        the language of the header and of the causes, severities and statuses:
                  en (default) or zh-CN (Simplified Chinese)
  --paper P       the PDF's paper: a4 or letter; default letter for en, a4 for zh-CN
  -h, --help      show this help

Needs Node 22.13 or later (the library is a SQLite database read with node:sqlite).
${EXIT_STATUS}
`,
  hub: `Usage: auscult hub migrate --database URL
       auscult hub add-user --database URL --name NAME --role ROLE [--plant P ...]
                            --password-file F
       auscult hub serve --database URL [--port N] [--host ADDR] [--work DIR]
                         [--public-origin URL] [--ice-servers FILE]

An Auscult Hub keeps many plants' machines, recordings and fault logs in one PostgreSQL
database (15 or newer) for many people (README "Running a hub").

hub migrate applies the numbered migrations the database lacks, each in one transaction (two
hubs migrating at once apply each migration once), and prints which it applied.

hub add-user adds a person: the password is read from the first line of F (so that it shows
in no process list or shell history; at least 12 characters) and stored as an Argon2id hash.
  --name NAME       what the person types to sign in (unique)
  --role ROLE       technician (records and uploads for their plants), expert (reviews their
                    plants' recordings), supervisor (their plants' fault logs and exports) or
                    admin (people, plants, every plant)
  --plant P         a plant the person works for, by id or name (made if new); repeat for
                    several; required except for admins
  --database URL    postgres://user[:password]@host[:port]/database

hub serve answers the page, the API and recordings' audio on --host (default 127.0.0.1) and
--port (default 8918) until Ctrl+C. Every call needs a signed-in person (a browser session
cookie, or a desktop app's device token) and is checked against the role and the plants of
that person. People sign in at /hub/sign-in; five wrong passwords in 15 minutes for a name or
from an address make it wait. --public-origin names the https origin a TLS proxy serves the hub
at; --work a local folder for uploads and audio copies for analysis. --ice-servers names a JSON
file of STUN/TURN servers for live listening (else the AUSCULT_ICE_SERVERS variable; docs/live.md).

${EXIT_STATUS}
`,
  sync: `Usage: auscult sync [--home DIR] [--once]
                   [--connect URL --name NAME --password-file F [--plant ID]]

Syncs a library folder with the Auscult Hub it is linked to, as the app does in the background
(docs/sync.md): the audio of new recordings in resumable chunks, then the rows written here
since the last sync, then the hub's changes (verdicts, fault-log changes). A hub out of reach
is tried again after a growing pause (1 s, 2 s, … 60 s). Each pass prints what it moved.
Ctrl+C stops it at once between passes, with what is still pending; while the hub is out of
reach it stops too, with exit status 1: nothing was sent, and the outbox keeps it for next time.
  --home DIR        the library (default AUSCULT_HOME, else the per-user data folder)
  --once            stop after one complete pass; otherwise sync every 30 s until Ctrl+C
  --connect URL     link the library to the hub at URL first, signing in once as NAME with the
                    password on the first line of F; only the hub's device token is kept
  --plant ID        the plant this computer's machines belong to, for people of several plants

${EXIT_STATUS}
`,
  bundle: `Usage: auscult bundle pack [--home DIR] --recording ID [--recording ID ...]
                          [--sender NAME] --out X.auscult
       auscult bundle check X.auscult
       auscult bundle unpack X.auscult --to DIR
       auscult bundle reply [--home DIR] --diagnosis ID [--diagnosis ID ...]
                            [--sender NAME] --out X.auscult
       auscult bundle open [--home DIR] X.auscult

A review bundle (.auscult, a zip with a versioned manifest.json; docs/formats.md) carries what
a remote expert needs: the machine's profile and current baseline, recordings in the format
they arrived in (a phone's original file when the library kept it, else the WAV), their
diagnoses, the notes of the fault-log entries made on them, and who sent it.

bundle pack reads the library folder (--home; default AUSCULT_HOME, else the app's data folder)
and writes X.auscult (replaced atomically). The recordings (by id) must be of one machine.
  --recording ID    a recording to carry (repeatable)
  --sender NAME     who sends it, shown to the expert
  --out X.auscult   where to write it

bundle check verifies the bundle (every file's size, CRC-32 and SHA-256 against its manifest)
without writing anything and prints the sender, the machine and each recording with its size,
format and codec.

bundle unpack extracts it into DIR, which must be empty or new; nothing is written elsewhere.

bundle reply writes a reply bundle (kind "reply": only its manifest) holding the newest expert
verdict on each --diagnosis, for the technician who sent the review.

bundle open opens X.auscult in the library: a review bundle becomes a read-only review (its
machine is not among the library's own machines until added in the app), a reply's verdicts
appear on their diagnoses, which must be in the library. A refused bundle leaves nothing.

Bundles are refused with one sentence, leaving nothing behind, when they are not what Auscult
writes: names that leave the folder (.., absolute, drive letters, backslashes), links, folders,
the same name twice (ignoring case), archives inside, encryption, compression other than
deflate, more than 1000 files, more than 2 GiB unpacked or an expansion above 100 times, files
missing from or not in the manifest, sizes or hashes that differ from it, an unknown version.

${EXIT_STATUS}
`,
  report: `Usage: auscult report --baseline B.json [--profile P.json] [--lang L] [--paper P]
                     --out FILE rec.wav

Diagnoses one recording against the machine's healthy baseline, as "auscult diagnose" does, and
writes the one-page diagnosis report to FILE as PDF (replaced atomically): the machine and the
recording, the verdict in plain words, the spectrum against the baseline's healthy band with
the characteristic frequencies and the flagged lines, the likely causes with their evidence and
action, and lines for the technician's and the supervisor's signatures. Fonts are embedded
(Chinese included), so it prints and reads the same everywhere. Prints one line: the file, the
paper, the language and the verdict.

Options:
  --baseline B.json  a baseline written by "auscult baseline"
  --profile P.json   the machine profile; default: the one stored in the baseline
  --lang L           the report's language: en (default) or zh-CN (Simplified Chinese)
  --paper P          a4 or letter; default letter for en, a4 for zh-CN
  --out FILE         where to write the PDF
  -h, --help         show this help

${EXIT_STATUS}
`,
};

/** The overview, or one command's help. */
export function helpText(topic?: CommandName): string {
  return topic ? TOPICS[topic] : OVERVIEW;
}
