/**
 * wavesurfer.js writes its layout rules as a `<style>` element into its shadow root. The page's
 * CSP (`style-src 'self'`, no 'unsafe-inline') blocks that element: the waveform would lose its
 * layout and Chromium would log a violation. While the waveform is created, the shadow root's
 * markup is split: the rules become a constructed stylesheet (`adoptedStyleSheets`, which CSP
 * does not govern because no markup is parsed as style) and the rest is inserted as written.
 */

/** The CSS of every `<style>` element in `html`, and the markup without them. */
export function splitStyleElements(html: string): { css: string; markup: string } {
  const css: string[] = [];
  const markup = html.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_match, rules: string) => {
    css.push(rules);
    return '';
  });
  return { css: css.join('\n'), markup };
}

function adoptStylesOnWrite(root: ShadowRoot): void {
  const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'innerHTML');
  if (!descriptor?.set || !descriptor.get) return;
  const { get, set } = descriptor;
  Object.defineProperty(root, 'innerHTML', {
    configurable: true,
    get: () => get.call(root),
    set: (html: string) => {
      const { css, markup } = splitStyleElements(html);
      if (css !== '') {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
      set.call(root, markup);
    },
  });
}

/**
 * Runs `create` (synchronous) with every shadow root it attaches turning `<style>` markup into
 * adopted stylesheets; the browser's own attachShadow is back in place when it returns.
 */
export function withAdoptedShadowStyles<T>(create: () => T): T {
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    adoptStylesOnWrite(root);
    return root;
  };
  try {
    return create();
  } finally {
    Element.prototype.attachShadow = original;
  }
}
