/**
 * The hub's sign-in page: plain HTML and a form (no script, so the page's strict
 * Content-Security-Policy holds), in English or Chinese after the browser's languages.
 */
import type { Language } from '../../shared/api/contract.ts';

const WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    title: 'Sign in to Auscult Hub',
    name: 'Name',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'The name or the password is wrong.',
    limited: 'Too many attempts: wait a few minutes and try again.',
    ended: 'Your session has ended: sign in again.',
  },
  'zh-CN': {
    title: '登录 Auscult 中心服务器',
    name: '用户名',
    password: '密码',
    submit: '登录',
    invalid: '用户名或密码错误，请重新输入。',
    limited: '尝试次数过多：请等几分钟后重试。',
    ended: '会话已结束：请重新登录。',
  },
};

/** zh-CN when the browser prefers Chinese to English, else English. */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page; `notice` is one of invalid, limited, ended (from the query), or none. */
export function signInPage(language: Language, notice: string | null): string {
  const w = WORDS[language];
  const message = notice !== null && notice in w && notice !== 'title' ? w[notice] : null;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title><link rel="stylesheet" href="/hub/sign-in.css"></head>
<body><main>
<h1>${escapeHtml(w.title)}</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/hub/sign-in">
<label>${escapeHtml(w.name)}<input name="name" autocomplete="username" required maxlength="100" autofocus></label>
<label>${escapeHtml(w.password)}<input name="password" type="password" autocomplete="current-password" required maxlength="1024"></label>
<button type="submit">${escapeHtml(w.submit)}</button>
</form>
</main></body></html>
`;
}

export const SIGN_IN_CSS = `body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}
main{max-width:22rem;margin:12vh auto;background:#fff;padding:2rem;border-radius:8px;
box-shadow:0 1px 4px #0002}h1{font-size:1.3rem;margin-top:0}label{display:block;margin:1rem 0}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.3rem;font-size:1rem}
button{width:100%;padding:.6rem;font-size:1rem;background:#1f5fa8;color:#fff;border:0;
border-radius:4px}p[role=alert]{color:#a11;background:#fdecec;padding:.5rem;border-radius:4px}
`;
