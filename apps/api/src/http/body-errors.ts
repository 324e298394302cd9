import type { NextFunction, Request, Response } from 'express';

/** Body-parser failures (too large: 413, malformed JSON: 400) answered in GraphQL's error shape. */
export function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const { status, type } = (error ?? {}) as { status?: number; type?: string };
  if (!status || !type) return next(error);
  const tooLarge = status === 413;
  res.status(status).json({
    errors: [
      {
        message: tooLarge ? 'Request body is larger than 1 MB' : 'Request body is not valid JSON',
        extensions: { code: 'BAD_USER_INPUT', fields: {} },
      },
    ],
  });
}
