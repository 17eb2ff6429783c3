// The Content-Security-Policy of every Gemba page, desktop and browser mode alike: our own scripts
// only (no inline script, no eval, no remote code), and connections only back to our own origin.
// Inline styles stay allowed because Mermaid's SVG carries its own <style> element.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
