import { blockerEditChanges, blockerEventKind } from './blocker-edit';

const current = { category: 'FUNDING', severity: 'HINDERING', description: 'Pas de budget pour la maintenance.' } as const;

describe('blockerEditChanges', () => {
  it('records before → after for category and severity, and the description a rewrite replaces', () => {
    expect(blockerEditChanges(current, { category: 'SKILLS_STAFF', severity: 'BLOCKING', description: '  Pas de budget ni de personnel.  ' })).toEqual({
      values: { category: 'SKILLS_STAFF', severity: 'BLOCKING', description: 'Pas de budget ni de personnel.' },
      record: {
        categoryBefore: 'FUNDING',
        categoryAfter: 'SKILLS_STAFF',
        severityBefore: 'HINDERING',
        severityAfter: 'BLOCKING',
        descriptionEdited: true,
        previousDescription: 'Pas de budget pour la maintenance.',
      },
    });
  });

  it('keeps only what differs', () => {
    expect(blockerEditChanges(current, { category: 'FUNDING', severity: 'BLOCKING', description: current.description })).toEqual({
      values: { severity: 'BLOCKING' },
      record: {
        categoryBefore: null,
        categoryAfter: null,
        severityBefore: 'HINDERING',
        severityAfter: 'BLOCKING',
        descriptionEdited: false,
        previousDescription: null,
      },
    });
  });

  it('returns null when nothing changes (same values, surrounding spaces, or nothing given)', () => {
    expect(blockerEditChanges(current, { ...current, description: ` ${current.description}\n` })).toBeNull();
    expect(blockerEditChanges(current, {})).toBeNull();
    expect(blockerEditChanges(current, { category: null, severity: null, description: null })).toBeNull();
  });
});

describe('blockerEventKind', () => {
  const base = { categoryAfter: null, severityAfter: null, descriptionEdited: false };
  it('tells the report, a status change and an edit apart', () => {
    expect(blockerEventKind({ ...base, previousStatus: null })).toBe('REPORTED');
    expect(blockerEventKind({ ...base, previousStatus: 'OPEN' })).toBe('STATUS_CHANGED');
    expect(blockerEventKind({ ...base, previousStatus: 'OPEN', descriptionEdited: true })).toBe('EDITED');
    expect(blockerEventKind({ ...base, previousStatus: 'LIFTED', severityAfter: 'BLOCKING' })).toBe('EDITED');
  });
});
