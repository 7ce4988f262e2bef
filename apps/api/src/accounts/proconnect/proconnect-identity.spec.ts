import { identityFromClaims, ProconnectClaimsError, sirenOf } from './proconnect-identity';

describe('identityFromClaims', () => {
  it('keeps sub, the lower-cased e-mail, the name and the SIREN', () => {
    expect(
      identityFromClaims({ sub: 'abc', email: ' Camille.Martin@Evry.FR ', given_name: 'Camille', usual_name: 'Martin', siret: '20008352500018', uid: '1' }),
    ).toEqual({ sub: 'abc', email: 'camille.martin@evry.fr', displayName: 'Camille Martin', siren: '200083525' });
  });

  it('cleans the name and falls back on the e-mail when there is none', () => {
    expect(identityFromClaims({ sub: 'a', email: 'x.y@z.fr', given_name: ' <b>Jean  ', usual_name: 'Dupont</b>' }).displayName).toBe('bJean Dupont/b');
    expect(identityFromClaims({ sub: 'a', email: 'agent.public@z.fr' }).displayName).toBe('agent.public');
  });

  it('refuses claims without a usable sub or e-mail', () => {
    expect(() => identityFromClaims({ sub: '', email: 'a@b.fr' })).toThrow(ProconnectClaimsError);
    expect(() => identityFromClaims({ sub: 'a', email: 'not-an-address' })).toThrow(ProconnectClaimsError);
    expect(() => identityFromClaims({ sub: 'a', email: 42 })).toThrow(ProconnectClaimsError);
  });
});

describe('sirenOf', () => {
  it('takes the first nine digits of a 14-digit SIRET', () => {
    expect(sirenOf('21910223300013')).toBe('219102233');
    expect(sirenOf('219 102 233 00013')).toBe('219102233');
  });

  it('gives null for anything else', () => {
    for (const value of [undefined, null, 219102233, '219102233', '2191022330001X', '']) expect(sirenOf(value)).toBeNull();
  });
});
