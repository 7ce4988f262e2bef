import { runInNewContext } from 'node:vm';
import { asError } from './graphql-exception.filter';

describe('the GraphQL exception filter', () => {
  it('keeps errors of this realm as they are', () => {
    const error = new Error('boom');
    expect(asError(error)).toBe(error);
  });

  it('wraps a throwable of another realm, keeping it as the cause', () => {
    const foreign = runInNewContext(`Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })`);
    expect(foreign instanceof Error).toBe(false);
    const wrapped = asError(foreign);
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(wrapped.cause).toBe(foreign);
  });
});
