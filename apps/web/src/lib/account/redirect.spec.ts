/// <reference types="jest" />
import { safeReturnPath } from './redirect';

describe('safeReturnPath', () => {
  it.each([
    ['/projets/telemedecine', '/projets/telemedecine'],
    ['/forum/sujet/3?page=2#message-9', '/forum/sujet/3?page=2#message-9'],
    ['projets', '/projets'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/compte',
    'javascript:alert(1)',
    ' //evil.example',
  ])('refuses %j (another site once a browser reads it)', (value) => {
    expect(safeReturnPath(value)).toBe('/compte');
  });

  it('falls back when there is nothing', () => {
    expect(safeReturnPath(null, '/')).toBe('/');
  });
});
