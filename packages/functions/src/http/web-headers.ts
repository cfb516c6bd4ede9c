/**
 * What the SPA may load: its own scripts, styles, images and API, nothing
 * inline and nothing from elsewhere (React's `style` props go through the
 * CSSOM, which `style-src 'self'` allows). `data:` images are the favicon.
 */
export const webContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The security headers of every SPA response: sent by `npm start` (`web.ts`)
 * and, in AWS, by the CloudFront response headers policy (`infra/edge.ts`).
 */
export const webSecurityHeaders = {
  "Content-Security-Policy": webContentSecurityPolicy,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;
