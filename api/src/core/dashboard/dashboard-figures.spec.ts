import { computeDashboardFigures, daysBetween, mean, median } from './dashboard-figures';

const proposal = (id: string, submittedOn: string | null, status = 'submitted') => ({ id, year: 2022, districtId: 'd', leadAuthorId: 'u', status, submittedOn });
const suggestion = (id: string, proposalId: string, status = 'submitted') => ({ id, proposalId, programArea: null, status });
const record = (suggestionId: string, status: string, decidedOn: string) => ({ adoptionId: `${suggestionId}-${decidedOn}`, suggestionId, status, decidedOn });

describe('dashboard figures (pure definitions)', () => {
  it('counts days across months and leap years, and takes medians of even counts as the mean of the middle two', () => {
    expect(daysBetween('2024-02-01', '2024-03-02')).toBe(30);
    expect(daysBetween('2023-03-01', '2024-07-01')).toBe(488);
    expect(median([121, 30])).toBe(75.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
    expect(mean([1, 2])).toBe(1.5);
  });

  it('leaves adoptions dated before the recorded submission out of the time figures, but counts them as adopted', () => {
    const figures = computeDashboardFigures({
      asOf: '2026-11-29',
      // the story entered in 2026 although adopted in June 2022
      proposals: [proposal('p1', '2026-11-29'), proposal('p2', '2022-01-10')],
      suggestions: [suggestion('s1', 'p1', 'adopted'), suggestion('s2', 'p2', 'adopted')],
      adoptions: [record('s1', 'adopted', '2022-06-20'), record('s2', 'adopted', '2022-06-20')],
    });
    expect(figures).toMatchObject({ adoptedSuggestions: 2, adoptionRate: 1, timedAdoptions: 1, medianDaysToAdoption: 161, meanDaysToAdoption: 161 });
    expect(figures.adopted.find((a) => a.suggestionId === 's1')?.daysToAdoption).toBeNull();
  });

  it('takes the earliest adopting record, ignores drafted suggestions, and answers nothing for not-adopted ones', () => {
    const figures = computeDashboardFigures({
      asOf: '2022-12-31',
      proposals: [proposal('p1', '2022-01-01'), proposal('p2', '2022-01-01', 'answered')],
      suggestions: [suggestion('s1', 'p1'), suggestion('s2', 'p1', 'not_adopted'), suggestion('s3', 'p1', 'drafted'), suggestion('s4', 'p2'), suggestion('s5', 'p1')],
      adoptions: [record('s1', 'implemented', '2022-09-01'), record('s1', 'included_in_plan', '2022-03-01'), record('s2', 'not_adopted', '2022-02-01')],
    });
    expect(figures.submittedSuggestions).toBe(4);
    expect(figures.adopted).toEqual([{ suggestionId: 's1', proposalId: 'p1', firstAdoptedOn: '2022-03-01', daysToAdoption: 59, adoptionIds: ['s1-2022-03-01', 's1-2022-09-01'] }]);
    // s2 was answered (not adopted), s4's proposal has an official reply: only s5 still waits
    expect(figures.awaiting).toEqual([{ suggestionId: 's5', proposalId: 'p1', submittedOn: '2022-01-01', daysWaiting: 364 }]);
  });
});
