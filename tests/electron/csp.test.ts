import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../shared/api/httpProtocol.ts';
import { installContentSecurityPolicy, withContentSecurityPolicy } from '../../electron/csp.ts';
import type { CspSession } from '../../electron/csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the page CSP', () => {
  const policy = directives(RENDERER_CSP);

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('sets %s to %j', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  it('allows no inline script, no eval and no remote or wildcard source anywhere', () => {
    const weak = [...policy].flatMap(([name, sources]) =>
      sources
        .filter((source) => /unsafe|https?:|\*/.test(source))
        .map((source) => `${name} ${source}`),
    );
    expect(weak).toEqual([]);
  });
});

describe('installContentSecurityPolicy', () => {
  it.each([
    ['no headers', undefined],
    ['other headers', { 'Content-Type': ['text/html'] }],
    ['a weaker policy in lower case', { 'content-security-policy': ['default-src *'] }],
    ['a weaker policy', { 'Content-Security-Policy': ["script-src 'unsafe-inline'"] }],
  ])('puts the policy, and only it, on a response with %s', (_name, headers) => {
    const result = withContentSecurityPolicy(headers);
    const policies = Object.entries(result).filter(
      ([name]) => name.toLowerCase() === 'content-security-policy',
    );
    expect(policies).toEqual([['Content-Security-Policy', [RENDERER_CSP]]]);
  });

  it('keeps the other headers', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] })['Content-Type']).toEqual([
      'text/html',
    ]);
  });

  it('rewrites every response of the session', () => {
    type Listener = Parameters<CspSession['webRequest']['onHeadersReceived']>[0];
    const installed: Listener[] = [];
    installContentSecurityPolicy({
      webRequest: { onHeadersReceived: (listener) => installed.push(listener) },
    });
    const answers: unknown[] = [];
    installed[0](
      { responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (response) => answers.push(response),
    );
    expect(answers).toEqual([{ responseHeaders: { 'Content-Security-Policy': [RENDERER_CSP] } }]);
  });
});
