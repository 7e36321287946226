import { isValidMobile, parseLoginIdentifier } from './identity';

describe('login identifiers', () => {
  it.each([
    ['  Zhang.Jie@Example.ORG ', { kind: 'email', value: 'zhang.jie@example.org' }],
    ['139 1234 5678', { kind: 'mobile', value: '13912345678' }],
    ['+86 139-1234-5678', { kind: 'mobile', value: '13912345678' }],
  ])('parses %p', (raw, expected) => {
    expect(parseLoginIdentifier(raw)).toEqual(expected);
  });

  it.each(['', 'not-an-email@', '12912345678', '1391234567', 'abc'])('rejects %p', (raw) => {
    expect(parseLoginIdentifier(raw)).toBeNull();
  });

  it('accepts only mainland mobile prefixes 13-19', () => {
    expect(isValidMobile('13012345678')).toBe(true);
    expect(isValidMobile('12012345678')).toBe(false);
  });
});
