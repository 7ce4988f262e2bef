import { Injectable } from '@nestjs/common';

export interface HealthStatus {
  status: 'ok' | 'degraded' | 'down';
  [detail: string]: unknown;
}

/** Components (database, search, pub/sub) register a check; /healthz reports them all. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, () => Promise<HealthStatus>>();

  register(name: string, check: () => Promise<HealthStatus>): void {
    this.checks.set(name, check);
  }

  async report(): Promise<{ status: HealthStatus['status']; components: Record<string, HealthStatus> }> {
    const components: Record<string, HealthStatus> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          components[name] = await withTimeout(check(), 3000);
        } catch (error) {
          components[name] = { status: 'down', error: (error as Error).message };
        }
      }),
    );
    const states = Object.values(components).map((c) => c.status);
    const status = states.includes('down') ? 'down' : states.includes('degraded') ? 'degraded' : 'ok';
    return { status, components };
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
