import { frenchLimitMessage } from './format-error';

describe('frenchLimitMessage', () => {
  it('says the cost and the limit in French', () => {
    expect(frenchLimitMessage('Syntax Error: Query Cost limit of 20000 exceeded, found 27600.')).toBe(
      'Requête trop coûteuse : coût 27600, 20000 au maximum (query cost limit).',
    );
  });

  it('does not print NaN when GraphQL Armor could not compute the cost', () => {
    expect(frenchLimitMessage('Syntax Error: Query Cost limit of 20000 exceeded, found NaN.')).toBe('Requête trop coûteuse : 20000 au maximum (query cost limit).');
  });

  it('translates the depth limit', () => {
    expect(frenchLimitMessage('Syntax Error: Query depth limit of 12 exceeded, found 14.')).toMatch(/14 niveaux d'imbrication, 12 au maximum/);
  });

  it('leaves other messages alone', () => {
    expect(frenchLimitMessage('Cannot query field "x" on type "Query".')).toBeNull();
  });
});
