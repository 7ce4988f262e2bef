import { AppError, badInput, forbidden, PublicErrorCode } from './errors';
import { localiseError } from './localised-errors.plugin';

describe('localiseError', () => {
  it('says an error with a catalogue reason in the asked language, keeping code, reason and params', () => {
    const error = badInput('PAGE_SIZE_OUT_OF_RANGE', { max: 100 }, { argument: 'first' });
    expect(error.message).toBe('« first » doit être compris entre 0 et 100.');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE', params: { max: 100 }, argument: 'first' });
    const english = localiseError({ message: error.message, extensions: error.extensions }, 'en');
    expect(english).toEqual({ message: '"first" must be between 0 and 100.', extensions: error.extensions });
  });

  it('keeps the default sentences of the helpers', () => {
    expect(forbidden().message).toBe("Vous n'avez pas les droits nécessaires pour faire cela.");
    expect(localiseError({ message: forbidden().message, extensions: forbidden().extensions }, 'en').message).toBe(
      'You do not have the rights needed to do this.',
    );
    expect(new AppError(PublicErrorCode.NOT_FOUND, 'REVISION_NOT_FOUND', { number: 3 }).message).toBe('Révision 3 introuvable.');
  });

  it('leaves errors without a known reason as they are', () => {
    const apollo = { message: 'Cannot query field "x" on type "Query".', extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(localiseError(apollo, 'en')).toBe(apollo);
    const bare = { message: 'Boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(localiseError(bare, 'en')).toBe(bare);
  });
});
