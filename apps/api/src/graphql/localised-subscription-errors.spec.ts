import type { IncomingMessage } from 'node:http';
import { badInput } from '../common/errors';
import { localisedSubscriptionErrors, socketLang } from './localised-subscription-errors';

const upgrade = (acceptLanguage?: string) => ({ headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} }) as IncomingMessage;

describe('subscription errors in the connection’s language', () => {
  it('takes the `lang` connection parameter first, then Accept-Language, then French', () => {
    expect(socketLang({ connectionParams: { lang: 'en' }, extra: { request: upgrade('fr') } })).toBe('en');
    expect(socketLang({ connectionParams: { lang: 'de' }, extra: { request: upgrade('en-GB') } })).toBe('en');
    expect(socketLang({ extra: { request: upgrade() } })).toBe('fr');
  });

  it('says refusals before execution and errors inside results in English, and leaves French alone', () => {
    const refusal = badInput('QUERY_TOO_LONG', { limit: 3000 });
    const english = { connectionParams: { lang: 'en' } };
    expect(localisedSubscriptionErrors.onError(english, '1', {}, [refusal])).toEqual([
      expect.objectContaining({ message: 'Query too long: more than 3000 tokens, refused.', extensions: refusal.extensions }),
    ]);
    expect(localisedSubscriptionErrors.onError({ connectionParams: {} }, '1', {}, [refusal])).toBeUndefined();
    const result = { data: null, errors: [badInput('INVALID_ID')] };
    expect(localisedSubscriptionErrors.onNext(english, '1', {}, {}, result)?.errors?.[0].message).toBe('Invalid identifier.');
    expect(localisedSubscriptionErrors.onNext(english, '1', {}, {}, { data: { ok: true } })).toBeUndefined();
  });
});
