import { Injectable } from '@nestjs/common';

export interface HealthStatus {
  status: 'ok' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface HealthReport {
  status: HealthStatus['status'];
  components: Record<string, HealthStatus>;
}

interface Check {
  run: () => Promise<HealthStatus>;
  /** Without it the process cannot serve (the database). Others only degrade it (search, Redis, mail). */
  critical: boolean;
}

/**
 * Components (database, search, pub/sub, mail) register a check; /readyz and /healthz report
 * them all. Only a critical component makes the process "down" (not ready): an unreachable
 * search engine or Redis is reported as "degraded", so a rolling restart that waits for
 * readiness does not stop on every node because a shared side service is away.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, Check>();

  register(name: string, run: () => Promise<HealthStatus>, options: { critical?: boolean } = {}): void {
    this.checks.set(name, { run, critical: options.critical ?? false });
  }

  async report(): Promise<HealthReport> {
    const components: Record<string, HealthStatus> = {};
    let down = false;
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let result: HealthStatus;
        try {
          result = await withTimeout(check.run(), 3000);
        } catch (error) {
          result = { status: 'down', error: (error as Error).message };
        }
        if (result.status === 'down') {
          if (check.critical) down = true;
          else result = { ...result, status: 'degraded' };
        }
        components[name] = result;
      }),
    );
    const degraded = Object.values(components).some((c) => c.status !== 'ok');
    return { status: down ? 'down' : degraded ? 'degraded' : 'ok', components };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
