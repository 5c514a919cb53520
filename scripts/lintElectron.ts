/**
 * `npm run lint:electron` (part of `npm test`): Electronegativity over electron/ (every check) and
 * renderer/ (the per-file checks; the app-wide ones belong to the electron/ run), plus Google's
 * CSP evaluator (the one Electronegativity bundles) over the page's CSP, RENDERER_CSP, which the
 * scan cannot see because it is a shared constant rather than a literal.
 *
 * Fails on any HIGH finding, and on any MEDIUM (or "maybe") finding not in ACCEPTED; every
 * accepted finding must be explained in docs/hosts.md. Runs offline: the one check that
 * downloads Electron's release list is skipped, and the translation download is stubbed out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RENDERER_CSP } from '../shared/api/httpProtocol.ts';

const root = join(import.meta.dirname, '..');
const toolDir = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist');
const requireFromTool = createRequire(join(toolDir, 'runner.js'));

/** A finding we keep on purpose; `reason` is repeated (longer) in docs/hosts.md. */
interface Accepted {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
}

const ACCEPTED: readonly Accepted[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    reason:
      'the CSP is the shared constant RENDERER_CSP, sent by the app:// handler and by onHeadersReceived; ' +
      'this script evaluates it itself (CSP findings below)',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'windowOptions.ts',
    reason:
      'the preload is sandboxed and context-isolated and exposes only the named API functions ' +
      '(tests/electron/bridge.test.ts)',
  },
  {
    id: "CSP:script-src:'self'",
    file: 'RENDERER_CSP',
    reason: "'self' serves only the app's own built files: no JSONP, no Angular, no uploads",
  },
];

interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: { readonly name: string };
  readonly confidence: { readonly name: string };
  readonly description: string;
}

interface ScanResult {
  readonly issues: readonly Issue[];
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const GLOBAL_CHECKS = [
  'AffinityGlobalCheck',
  'AvailableSecurityFixesGlobalCheck',
  'CSPGlobalCheck',
  'LimitNavigationGlobalCheck',
  'PermissionRequestHandlerGlobalCheck',
  'HTTPResourcesAndNodeIntegrationGlobalCheck',
];

function loadRunner(): Runner {
  // The tool fetches translations with `got` at every run; answer "offline" instead.
  const gotPath = createRequire(join(toolDir, 'locales', 'i18n.js')).resolve('got');
  const offline = () => Promise.reject(new Error('offline'));
  requireFromTool.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as NodeJS.Module;
  return requireFromTool(join(toolDir, 'runner.js')) as Runner;
}

async function scan(
  runner: Runner,
  folder: string,
  excluded: readonly string[],
): Promise<ScanResult> {
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const log = console.log;
  console.log = () => {}; // the tool's "could not retrieve translations" line
  try {
    return await runner(
      {
        input: join(root, folder),
        isRelative: true,
        customScan: [],
        excludeFromScan: excluded.map((name) => name.toLowerCase()),
        electronVersionOverride: electronVersion,
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

interface CspFinding {
  readonly severity: number;
  readonly directive: string;
  readonly value?: string;
  readonly description: string;
}

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}

/** RENDERER_CSP through the evaluator, as findings in the scan's shape. */
function evaluateCsp(): Issue[] {
  const csp = requireFromTool('@doyensec/csp-evaluator') as CspEvaluatorModule;
  const parsed = new csp.CspParser(RENDERER_CSP).csp;
  const names = Object.fromEntries(
    Object.entries(csp.severities).map(([name, value]) => [value, name]),
  );
  return new csp.CspEvaluator(parsed, csp.Version.CSP3).evaluate().map((finding) => ({
    id: `CSP:${finding.directive}:${finding.value ?? ''}`,
    file: 'RENDERER_CSP',
    location: { line: 0, column: 0 },
    // HIGH_MAYBE and MEDIUM_MAYBE are the evaluator's "possibly"; SYNTAX is a broken policy.
    severity: { name: names[finding.severity] === 'SYNTAX' ? 'HIGH' : names[finding.severity] },
    confidence: { name: 'CERTAIN' },
    description: finding.description,
  }));
}

type Verdict = 'fail' | 'accepted' | 'info';

function verdict(issue: Issue): Verdict {
  if (issue.severity.name === 'HIGH') return 'fail';
  const needsReason = ['MEDIUM', 'HIGH_MAYBE', 'MEDIUM_MAYBE', 'STRICT_CSP'].includes(
    issue.severity.name,
  );
  if (!needsReason) return 'info';
  const accepted = ACCEPTED.some((entry) => entry.id === issue.id && entry.file === issue.file);
  return accepted ? 'accepted' : 'fail';
}

async function main(): Promise<number> {
  const runner = loadRunner();
  const electron = await scan(runner, 'electron', ['AvailableSecurityFixesGlobalCheck']);
  const renderer = await scan(runner, 'renderer', GLOBAL_CHECKS);
  const issues = [...electron.issues, ...renderer.issues, ...evaluateCsp()];
  let failed = false;
  for (const error of [...electron.errors, ...renderer.errors]) {
    // A file the tool cannot parse is a file it did not check.
    console.log(
      `${error.tolerable ? 'warning' : 'FAIL'}: cannot parse ${error.file}: ${error.message}`,
    );
    failed ||= !error.tolerable;
  }
  for (const issue of issues) {
    const outcome = verdict(issue);
    failed ||= outcome === 'fail';
    const where = `${issue.file}:${issue.location.line}`;
    console.log(
      `${outcome.toUpperCase()} ${issue.severity.name} ${issue.id} (${where}): ${issue.description}`,
    );
  }
  const docs = readFileSync(join(root, 'docs', 'hosts.md'), 'utf8');
  for (const entry of ACCEPTED.filter((item) => !docs.includes(item.id))) {
    console.log(`FAIL: accepted finding ${entry.id} is not explained in docs/hosts.md.`);
    failed = true;
  }
  console.log(
    failed
      ? 'Electronegativity: a HIGH finding, or a MEDIUM one without a written reason (see above).'
      : `Electronegativity: no HIGH finding; ${issues.filter((i) => verdict(i) === 'accepted').length} accepted (docs/hosts.md).`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
