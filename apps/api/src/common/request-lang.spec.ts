import { requestLang } from './request-lang';

describe('requestLang', () => {
  it('is French by default and for other languages', () => {
    expect(requestLang(undefined)).toBe('fr');
    expect(requestLang('')).toBe('fr');
    expect(requestLang('de-DE, es;q=0.8')).toBe('fr');
    expect(requestLang('fr')).toBe('fr');
  });

  it('follows the preference order between French and English, q values included', () => {
    expect(requestLang('en')).toBe('en');
    expect(requestLang('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(requestLang('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(requestLang('de, fr;q=0.5, en;q=0.7')).toBe('en');
    expect(requestLang('en;q=0, fr;q=0.3')).toBe('fr');
    expect(requestLang(['en-US', 'fr'])).toBe('en');
  });
});
