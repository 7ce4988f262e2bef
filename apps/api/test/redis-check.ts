import Redis from 'ioredis';

export const TEST_REDIS_URL = process.env.ESSAIM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Null when the machine's Redis answers a PING, else why not (for the skip or the failure message). */
export async function redisUnreachable(url = TEST_REDIS_URL): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${url} is unreachable (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}
