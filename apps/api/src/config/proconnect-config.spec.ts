import { ConfigError, readConfig } from './config';

const settings = (issuer: string) => ({
  PROCONNECT_ISSUER: issuer,
  PROCONNECT_CLIENT_ID: 'essaim',
  PROCONNECT_CLIENT_SECRET: 'a-secret',
  PUBLIC_URL: 'https://essaim.example.fr/',
});

describe('ProConnect settings', () => {
  it('is off when none of the three settings is set', () => {
    expect(readConfig({}).proconnect).toBeNull();
  });

  it('derives the callback and post-logout URLs from PUBLIC_URL', () => {
    expect(readConfig(settings('https://proconnect.gouv.fr/api/v2')).proconnect).toEqual({
      issuer: 'https://proconnect.gouv.fr/api/v2',
      clientId: 'essaim',
      clientSecret: 'a-secret',
      redirectUri: 'https://essaim.example.fr/auth/proconnect/callback',
      postLogoutRedirectUri: 'https://essaim.example.fr/auth/proconnect/logout-callback',
    });
  });

  it('accepts a plain-http issuer on 127.0.0.1 only', () => {
    expect(readConfig(settings('http://127.0.0.1:4567')).proconnect?.issuer).toBe('http://127.0.0.1:4567');
    for (const issuer of ['http://localhost:4567', 'http://proconnect.example.fr', 'http://127.0.0.1.evil.example', 'ftp://127.0.0.1']) {
      expect(() => readConfig(settings(issuer))).toThrow(ConfigError);
    }
    expect(() => readConfig(settings('http://proconnect.example.fr'))).toThrow(/PROCONNECT_ISSUER must start with https/);
  });

  it('refuses a partial configuration, naming what is missing', () => {
    expect(() => readConfig({ PROCONNECT_ISSUER: 'https://proconnect.gouv.fr/api/v2', PROCONNECT_CLIENT_ID: 'essaim' })).toThrow(
      /missing: PROCONNECT_CLIENT_SECRET/,
    );
  });
});
