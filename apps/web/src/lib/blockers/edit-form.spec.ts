import { describe, expect, it } from '@jest/globals';
import { conflictOf, type BlockerEditFailure } from './edit-form';

const failure = (code: string, extensions: Record<string, unknown>): BlockerEditFailure => ({
  action: 'edit',
  error: { code, message: 'Refusé.', fields: [], extensions },
  values: { category: 'LEGAL', severity: 'BLOCKING', description: 'Texte tapé par la personne.', baseRevision: '2' },
});

describe('conflictOf', () => {
  it('gives the revision and values saved meanwhile from a CONFLICT', () => {
    const current = { category: 'FUNDING', severity: 'HINDERING', description: 'Version enregistrée entre-temps.' };
    expect(conflictOf(failure('CONFLICT', { currentRevision: 2, baseRevision: 1, current }))).toEqual({ revision: 2, current });
  });

  it('is null for other failures, or a CONFLICT without the current values', () => {
    expect(conflictOf(null)).toBeNull();
    expect(conflictOf(failure('BAD_USER_INPUT', {}))).toBeNull();
    expect(conflictOf(failure('CONFLICT', {}))).toBeNull();
  });
});
