import { OrganizationNode, filingDistrictIds, organizationSubtreeIds } from './organizations';

const ORGS: OrganizationNode[] = [
  { id: 'fuzhou', parentId: null, kind: 'federation' },
  { id: 'jinan', parentId: 'fuzhou', kind: 'district' },
  { id: 'cangshan', parentId: 'fuzhou', kind: 'district' },
  { id: 'xiamen', parentId: null, kind: 'federation' },
  { id: 'siming', parentId: 'xiamen', kind: 'district' },
];

describe('filing scope', () => {
  it('gives a district organisation its own district only', () => {
    expect(filingDistrictIds('jinan', ORGS)).toEqual(['jinan']);
  });

  it('gives the city federation every district below it, and none of another federation', () => {
    expect(filingDistrictIds('fuzhou', ORGS)).toEqual(['jinan', 'cangshan']);
  });

  it('ends on a cycle in the parent links', () => {
    const looped: OrganizationNode[] = [
      { id: 'a', parentId: 'b', kind: 'district' },
      { id: 'b', parentId: 'a', kind: 'district' },
    ];
    expect(organizationSubtreeIds('a', looped)).toEqual(['a', 'b']);
  });
});
