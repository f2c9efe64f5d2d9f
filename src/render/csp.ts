import { createHash } from 'node:crypto';

/**
 * The HTML report's Content-Security-Policy, given as a meta tag in the page itself: it may
 * run no script at all (no `script-src`, so `default-src 'none'` forbids every script, inline
 * handler and `javascript:` link), load nothing from anywhere (images, fonts, frames,
 * connections), post no form and change no base URL. Its one style sheet is allowed by its
 * SHA-256 hash, so even an injected `<style>` would not apply. The charts are inline SVG
 * elements, which load nothing, so no `img-src` is needed.
 *
 * Escaping keeps data from ever becoming markup; this policy is the second line, should an
 * escape ever be missed.
 */
export function contentSecurityPolicy(styleSheet: string): string {
  const hash = createHash('sha256').update(styleSheet, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}
