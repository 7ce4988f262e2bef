import { sameOriginPath } from './same-origin-path';

const origin = 'https://essaim.example.fr';

describe('sameOriginPath', () => {
  it('keeps paths on the same origin, with query and fragment', () => {
    expect(sameOriginPath('/projets/ent?onglet=1#freins', origin)).toBe('/projets/ent?onglet=1#freins');
    expect(sameOriginPath('https://essaim.example.fr/forum', origin)).toBe('/forum');
  });

  it('refuses anything that leaves the origin', () => {
    for (const value of [
      '/\t/evil.example',
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'http://essaim.example.fr/',
      'javascript:alert(1)',
    ]) {
      expect(sameOriginPath(value, origin)).toBe('/');
    }
  });

  it('falls back on missing or odd values', () => {
    expect(sameOriginPath(undefined, origin)).toBe('/');
    expect(sameOriginPath(['/a'], origin)).toBe('/');
    expect(sameOriginPath('', origin, '/compte')).toBe('/compte');
  });
});
