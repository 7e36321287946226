import { ClearanceFacts, ViewerRelation, canReadEvidence, canSeeRawEvidence, effectiveSensitivity } from './evidence-clearance';
import { isCalendarDate, todayInChina } from './evidence';

const TODAY = '2024-06-01';
const record = (overrides: Partial<ClearanceFacts> = {}): ClearanceFacts => ({
  status: 'published',
  sensitivity: 'public',
  aboutIdentifiablePeople: false,
  consent: { obtained: false, expiresOn: null },
  ...overrides,
});
const viewer = (overrides: Partial<ViewerRelation> = {}): ViewerRelation => ({
  isContributor: false,
  isOrganizationAdmin: false,
  sameFederation: true,
  grant: null,
  ...overrides,
});

describe('effectiveSensitivity (the consent rule)', () => {
  it('keeps the requested level when the record is not about identifiable people', () => {
    expect(effectiveSensitivity(record({ sensitivity: 'public' }), TODAY)).toEqual({ level: 'public', held: false, reason: null });
  });

  it('holds a record about identifiable people without consent at restricted, whatever was asked', () => {
    for (const sensitivity of ['public', 'internal'] as const) {
      expect(effectiveSensitivity(record({ sensitivity, aboutIdentifiablePeople: true }), TODAY)).toEqual({
        level: 'restricted',
        held: true,
        reason: 'no_consent',
      });
    }
    expect(effectiveSensitivity(record({ sensitivity: 'restricted', aboutIdentifiablePeople: true }), TODAY)).toEqual({
      level: 'restricted',
      held: false,
      reason: 'no_consent',
    });
  });

  it('holds it again once the consent has expired, not on the day it expires', () => {
    const consented = (expiresOn: string | null) =>
      record({ sensitivity: 'internal', aboutIdentifiablePeople: true, consent: { obtained: true, expiresOn } });
    expect(effectiveSensitivity(consented(null), TODAY).level).toBe('internal');
    expect(effectiveSensitivity(consented('2024-06-01'), TODAY).level).toBe('internal');
    expect(effectiveSensitivity(consented('2024-05-31'), TODAY)).toEqual({ level: 'restricted', held: true, reason: 'consent_expired' });
  });
});

describe('canReadEvidence / canSeeRawEvidence', () => {
  it.each([
    ['public, another federation', record(), viewer({ sameFederation: false }), true],
    ['internal, same federation', record({ sensitivity: 'internal' }), viewer(), true],
    ['internal, another federation', record({ sensitivity: 'internal' }), viewer({ sameFederation: false }), false],
    ['restricted, staff', record({ sensitivity: 'restricted' }), viewer(), false],
    ['restricted, granted read', record({ sensitivity: 'restricted' }), viewer({ grant: 'read' }), true],
    ['restricted, contributor', record({ sensitivity: 'restricted' }), viewer({ isContributor: true }), true],
    ['restricted, admin', record({ sensitivity: 'restricted' }), viewer({ isOrganizationAdmin: true }), true],
    ['draft public, staff', record({ status: 'draft' }), viewer(), false],
    ['draft, granted', record({ status: 'draft', sensitivity: 'restricted' }), viewer({ grant: 'raw' }), false],
    ['draft, contributor', record({ status: 'draft' }), viewer({ isContributor: true }), true],
    ['withdrawn public, staff', record({ status: 'withdrawn' }), viewer(), false],
    ['withdrawn, admin', record({ status: 'withdrawn' }), viewer({ isOrganizationAdmin: true }), true],
    ['public without consent, staff', record({ aboutIdentifiablePeople: true }), viewer(), false],
  ])('%s → %s', (_label, r, v, expected) => {
    expect(canReadEvidence(r, v, TODAY)).toBe(expected);
  });

  it('shows raw content only to the contributor, administrators and raw grantees', () => {
    expect(canSeeRawEvidence(viewer({ isContributor: true }))).toBe(true);
    expect(canSeeRawEvidence(viewer({ isOrganizationAdmin: true }))).toBe(true);
    expect(canSeeRawEvidence(viewer({ grant: 'raw' }))).toBe(true);
    expect(canSeeRawEvidence(viewer({ grant: 'read' }))).toBe(false);
    expect(canSeeRawEvidence(viewer())).toBe(false);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-1')).toBe(false);
  });

  it('takes today in China (UTC+8)', () => {
    expect(todayInChina(new Date('2024-05-31T16:30:00Z'))).toBe('2024-06-01');
    expect(todayInChina(new Date('2024-05-31T15:30:00Z'))).toBe('2024-05-31');
  });
});
