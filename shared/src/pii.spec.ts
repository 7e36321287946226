import {
  detectPii,
  isLuhnValid,
  isValidResidentId,
  maskBankCard,
  maskMobile,
  maskName,
  maskPii,
  maskResidentId,
  maskText,
  residentIdCheckDigit,
} from './pii';

/** A resident ID number with its real check digit, e.g. validId('35011119900307234'). */
const validId = (first17: string) => first17 + residentIdCheckDigit(first17);
/** The same number with a wrong check digit. */
const wrongId = (first17: string) => {
  const right = residentIdCheckDigit(first17);
  return first17 + (right === '0' ? '1' : '0');
};
/** A card number with a Luhn check digit appended. */
const luhn = (body: string) => {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
};

const TODAY = new Date('2024-06-01T00:00:00Z');

describe('resident ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check digit, including X', () => {
    // The standard's worked example: 11010519491231002X.
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X', TODAY)).toBe(true);
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true);
  });

  it.each([
    ['a wrong check digit', wrongId('35011119900307234')],
    ['an unknown province', validId('99011119900307234')],
    ['a birth date that does not exist', validId('35011119900230234')],
    ['a birth date in the future', validId('35011120300307234')],
    ['a birth year before 1900', validId('35011118800307234')],
    ['17 characters', '35011119900307234'],
  ])('refuses %s', (_label, value) => {
    expect(isValidResidentId(value, TODAY)).toBe(false);
  });
});

describe('detectPii', () => {
  const id = validId('35011119900307234');
  const idWithX = validId('35012119850612001');
  const card16 = luhn('622202123456789');
  const card19 = luhn('621700123456789012');

  it('finds valid ID numbers (also ending in X) and ignores ones with a wrong check digit', () => {
    expect(residentIdCheckDigit('35012119850612001')).toBeDefined();
    const text = `身份证${id}，另一位${idWithX}，错误的${wrongId('35011119900307234')}。`;
    const found = detectPii(text, [], TODAY).filter((f) => f.kind === 'resident_id');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([id, idWithX]);
  });

  it('finds mobile numbers, plain and grouped, but not inside longer runs of digits', () => {
    const text = '电话13912342345，或 139 1234 2345，或139-1234-2345；编号2013912342345不是，19912342345是。';
    const found = detectPii(text, [], TODAY);
    expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['mobile', '13912342345'],
      ['mobile', '139 1234 2345'],
      ['mobile', '139-1234-2345'],
      ['mobile', '19912342345'],
    ]);
  });

  it('does not take 12xxxxxxxxx or numbers starting 10/11 for mobiles', () => {
    expect(detectPii('12912342345 10912342345 11912342345', [], TODAY)).toEqual([]);
  });

  it('finds Luhn-valid card numbers of 13–19 digits, plain or in groups of four, and skips invalid ones', () => {
    const grouped = card16.replace(/(\d{4})(?=\d)/g, '$1 ');
    const invalid = card16.slice(0, -1) + ((Number(card16.slice(-1)) + 1) % 10);
    const text = `卡号${card16}；${grouped}；${card19}；无效${invalid}。`;
    const found = detectPii(text, [], TODAY);
    expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['bank_card', card16],
      ['bank_card', grouped],
      ['bank_card', card19],
    ]);
  });

  it('never reports a valid ID number as a bank card, even when it also passes Luhn', () => {
    let sample = '';
    for (let n = 0; n < 1000 && !sample; n++) {
      const candidate = validId(`35011119900307${String(n).padStart(3, '0')}`);
      if (/^\d{18}$/.test(candidate) && isLuhnValid(candidate) && isValidResidentId(candidate, TODAY)) sample = candidate;
    }
    expect(sample).not.toBe('');
    expect(detectPii(`号码${sample}`, [], TODAY)).toEqual([{ kind: 'resident_id', start: 2, end: 20 }]);
  });

  it('finds every occurrence of the marked names, longest first', () => {
    const text = '张小红说，张小红的女儿张小在学校……';
    const found = detectPii(text, ['张小', ' 张小红 ', ''], TODAY);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['张小红', '张小红', '张小']);
  });

  it('returns nothing for text without personal data', () => {
    expect(detectPii('2020年以来已有2000余人参加培训，58名失业妇女取得证书。', [], TODAY)).toEqual([]);
  });
});

describe('masking', () => {
  it('masks each kind in the agreed style', () => {
    expect(maskResidentId('350111199003072349')).toBe('3501**********2349');
    expect(maskMobile('13912342345')).toBe('139****2345');
    expect(maskMobile('139-1234-2345')).toBe('139****2345');
    expect(maskBankCard('6222021234567891234')).toBe('**** **** **** 1234');
    expect(maskName('张小红')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });

  it('replaces every finding in the text and leaves the rest alone', () => {
    const id = validId('35011119900307234');
    const text = `王丽（身份证${id}，电话13912342345）来访。`;
    expect(maskPii(text, ['王丽'], TODAY)).toBe(`王*（身份证${maskResidentId(id)}，电话139****2345）来访。`);
    expect(maskText('no findings', [])).toBe('no findings');
  });
});
