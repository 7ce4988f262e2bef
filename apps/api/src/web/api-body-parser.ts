import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './web-handler';

export const MAX_BODY_BYTES = '1mb';

/** Set on a request whose body was read before Express and is not valid JSON. */
export const PRE_READ_BODY_ERROR = Symbol('essaim.preReadBodyError');

/** JSON bodies for API paths only (1 MB at most); page requests keep their raw stream for SvelteKit. */
export function apiBodyParser() {
  const json = express.json({ limit: MAX_BODY_BYTES });
  return (req: Request, res: Response, next: NextFunction) => {
    // The read cache read this body already (see read-cache/read-cache.front.ts) and found it unreadable.
    const preRead = (req as Request & { [PRE_READ_BODY_ERROR]?: unknown })[PRE_READ_BODY_ERROR];
    if (preRead) return next(preRead);
    return isApiPath(req.path) ? json(req, res, next) : next();
  };
}

/** Turns body-parser failures (too large, malformed JSON) into a GraphQL-shaped error without internals. */
export function bodyParserErrorHandler(error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void {
  if (!error?.type?.startsWith('entity.') && error?.type !== 'request.aborted') return next(error);
  const tooLarge = error.status === 413;
  res.status(error.status ?? 400).json({
    errors: [
      {
        message: tooLarge ? 'Requête trop volumineuse (1 Mo au maximum).' : 'Corps de requête illisible : JSON attendu.',
        extensions: { code: 'BAD_USER_INPUT', reason: error.type },
      },
    ],
  });
}
