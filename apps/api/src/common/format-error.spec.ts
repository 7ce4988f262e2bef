import { frenchLimitMessage, isInternalError, toPublicError } from './format-error';

describe('frenchLimitMessage', () => {
  it('says the cost and the limit in French', () => {
    expect(frenchLimitMessage('Syntax Error: Query Cost limit of 20000 exceeded, found 27600.')).toBe(
      'Requête trop coûteuse : coût 27600, 20000 au maximum (query cost limit).',
    );
  });

  it('does not print NaN when GraphQL Armor could not compute the cost', () => {
    expect(frenchLimitMessage('Syntax Error: Query Cost limit of 20000 exceeded, found NaN.')).toBe(
      'Requête trop coûteuse : 20000 au maximum (query cost limit).',
    );
  });

  it('translates the depth limit', () => {
    expect(frenchLimitMessage('Syntax Error: Query depth limit of 12 exceeded, found 14.')).toMatch(/14 niveaux d'imbrication, 12 au maximum/);
  });

  it('leaves other messages alone', () => {
    expect(frenchLimitMessage('Cannot query field "x" on type "Query".')).toBeNull();
  });
});

describe('toPublicError: failures of the disk or the database', () => {
  const formatted = { message: 'raw', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  const wrap = (driverError: object) => ({ originalError: Object.assign(new Error('query failed'), { driverError }) });
  const cases: [string, object, RegExp][] = [
    ['SQLITE_FULL', wrap({ code: 'SQLITE_FULL' }), /espace disque/],
    ['SQLITE_IOERR_WRITE', wrap({ code: 'SQLITE_IOERR_WRITE' }), /disque du serveur/],
    ['SQLITE_READONLY', wrap({ code: 'SQLITE_READONLY' }), /lecture seule/],
    ['SQLITE_BUSY (after busy_timeout)', wrap({ code: 'SQLITE_BUSY' }), /trop occupée/],
    ['ENOSPC', { originalError: Object.assign(new Error('write'), { code: 'ENOSPC' }) }, /espace disque/],
    ['PostgreSQL refusing connections', { originalError: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }, /injoignable/],
    ['PostgreSQL pool connect timeout', { originalError: new Error('timeout exceeded when trying to connect') }, /injoignable/],
    ['PostgreSQL admin shutdown (57P01)', wrap({ code: '57P01' }), /injoignable/],
    ['PostgreSQL statement timeout (57014)', wrap({ code: '57014' }), /trop de temps/],
    ['PostgreSQL disk full (53100)', wrap({ code: '53100' }), /espace disque/],
    ['PostgreSQL read-only (25006)', wrap({ code: '25006' }), /lecture seule/],
  ];
  it.each(cases)('%s answers SERVICE_UNAVAILABLE in French', (_label, error, message) => {
    const result = toPublicError(formatted, error, false);
    expect(result.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(result.message).toMatch(message);
    expect(isInternalError(result)).toBe(true);
  });

  it('leaves real bugs and constraint violations as internal errors', () => {
    expect(toPublicError(formatted, { originalError: new TypeError('x is undefined') }, false).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(toPublicError(formatted, wrap({ code: '23505' }), false).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(toPublicError(formatted, wrap({ code: 'SQLITE_CONSTRAINT_UNIQUE' }), false).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
