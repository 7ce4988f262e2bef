import { isLate, progressFromStages } from './commitment-progress';

describe('commitment progress', () => {
  it('averages the linked sheets’ stages and ignores abandoned ones', () => {
    expect(progressFromStages([])).toBe(0);
    expect(progressFromStages(['DEPLOYED'])).toBe(100);
    expect(progressFromStages(['DEPLOYED', 'STUDY'])).toBe(65);
    expect(progressFromStages(['ABANDONED', 'IN_PROGRESS'])).toBe(60);
    expect(progressFromStages(['ABANDONED'])).toBe(0);
  });

  it('is late only past the target date and while not done or abandoned', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const past = new Date('2026-01-01T00:00:00Z');
    expect(isLate({ status: 'IN_PROGRESS', targetDate: past }, now)).toBe(true);
    expect(isLate({ status: 'DONE', targetDate: past }, now)).toBe(false);
    expect(isLate({ status: 'ABANDONED', targetDate: past }, now)).toBe(false);
    expect(isLate({ status: 'TO_START', targetDate: null }, now)).toBe(false);
    expect(isLate({ status: 'TO_START', targetDate: new Date('2027-01-01T00:00:00Z') }, now)).toBe(false);
  });
});
