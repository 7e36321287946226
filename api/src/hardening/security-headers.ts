import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every response. Scripts, fonts, images and connections come only
 * from our own origin (plus the collaboration WebSocket on the same host); no inline script.
 * Styles allow 'unsafe-inline' because the editor needs it: tiptap injects its base stylesheet as a
 * <style> element and the collaboration caret writes `style` attributes with each author's colour.
 * Inline styles cannot run code; scripts stay locked down.
 */
export function contentSecurityPolicy(webSocketOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    webSocketOrigin ? `connect-src 'self' ${webSocketOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const HSTS_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * Security headers on every response. The WebSocket origin is the request's own host (ws: or wss:
 * following the scheme the client used, as seen through a trusted proxy). HSTS only over TLS.
 */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.get('host');
    const webSocketOrigin = host ? `${req.secure ? 'wss' : 'ws'}://${host}` : null;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(webSocketOrigin));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    next();
  };
}

export const MAX_JSON_BODY = '8mb';

/**
 * Errors of the body parsers (too large, malformed JSON, unsupported charset) as GraphQL-shaped JSON
 * with their 4xx status, instead of Express's HTML error page.
 */
export function requestBodyErrors() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number; statusCode?: number })?.status ?? (error as { statusCode?: number })?.statusCode;
    if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const type = (error as { type?: string }).type;
    const tooLarge = status === 413;
    const message = tooLarge
      ? `Request body too large: the limit is ${MAX_JSON_BODY.replace('mb', ' MB')}`
      : type === 'entity.parse.failed'
        ? 'Request body is not valid JSON'
        : ((error as Error).message ?? 'Bad request');
    const code = tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
}
