import type { Request, Response } from 'express';
import type { User } from '../../accounts/user.entity';

export interface AuthState {
  user: User | null;
  sessionId: string | null;
}

/** What every resolver receives as GraphQL context. */
export interface RequestContext {
  req: Request;
  res: Response;
  /** Resolved lazily: anonymous requests without a cookie never touch the database. */
  auth(): Promise<AuthState>;
  /** Per-request caches (DataLoaders) keyed by feature. */
  loaders: Map<string, unknown>;
  /** Client IP, used for rate limiting only and never stored. */
  ip: string;
  /** Raw participant token from header, cookie or WebSocket connection params. */
  participantToken: string | null;
}
