import fc from 'fast-check';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** Strings that have broken parsers, databases and renderers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%ff',
  '\uFEFF\u200B\u202E',
  '👩‍👧‍👦🏳️‍🌈',
  '\uD800',
  '\uDFFF\uD800',
  '晋安区妇联关于加大政府购买服务力度的建议',
  '１２３４５６',
  'null',
  'undefined',
  '{"$ne": null}',
  '__proto__',
  'constructor',
  '${jndi:ldap://x}',
  '\r\n\r\nSet-Cookie: x=1',
  '110101199003074514',
  '13800000001',
];

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 100_000 }), fc.constantFrom('x', '字', '👩', 'a\u0301'))
  .map(([length, unit]) => unit.repeat(length));

const anyString = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
  { arbitrary: hugeString, weight: 1 },
);

const anyInt = fc.oneof(fc.integer(), fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -1, 1, 2147483647, -2147483648));

const dateLike = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2022-06-30', '2026-13-45', '0000-00-00', '9999-12-31T23:59:59.999Z', 'yesterday', '1e10', '2022-02-30'),
);

/** Values of the wrong shape for any position: the server must refuse them cleanly. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 63), 1.5, 1e308),
  anyString,
  fc.constant([]),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  fc.constant(JSON.parse('{"a":{"b":{"c":{"d":{"e":{"f":{"g":[[[[[[1]]]]]]}}}}}}}')),
);

export interface ArbitraryContext {
  /** Ids found in the database (of proposals, evidence, users other than the callers…). */
  ids: string[];
  /** Chance-weight of a wrong-typed value against 20 for a well-typed one; 0 for well-typed input only. */
  wrongWeight: number;
}

function scalarValue(name: string, context: ArbitraryContext): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return anyString;
    case 'ID':
      return context.ids.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...context.ids), weight: 3 }, fc.uuid(), anyString) : fc.oneof(fc.uuid(), anyString);
    case 'Int':
      return anyInt;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyInt);
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
    case 'Date':
      return dateLike;
    default:
      return fc.oneof(anyString, dateLike, anyInt);
  }
}

/** Values for an input type: mostly well-typed (so resolvers and services see them), sometimes wrong. */
export function valueFor(type: GraphQLInputType, context: ArbitraryContext, depth = 0): fc.Arbitrary<unknown> {
  const required = isNonNullType(type);
  const inner = getNullableType(type) as GraphQLInputType;
  let right: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    right = fc.array(valueFor(inner.ofType, context, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  } else if (isEnumType(inner)) {
    right = fc.constantFrom(...inner.getValues().map((value) => value.name));
  } else if (isScalarType(inner)) {
    right = scalarValue(inner.name, context);
  } else if (isInputObjectType(inner) && depth < 5) {
    const fields = Object.values(inner.getFields());
    const model = Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, context, depth + 1)]));
    const requiredKeys = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    right = fc.record(model, { requiredKeys });
  } else {
    right = fc.constant({});
  }
  if (context.wrongWeight === 0) return required ? right : fc.oneof({ arbitrary: right, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 });
  return fc.oneof(
    { arbitrary: right, weight: 20 },
    { arbitrary: required ? wrongValue : fc.constant(null), weight: required ? context.wrongWeight : 2 },
    { arbitrary: wrongValue, weight: context.wrongWeight },
  );
}

/** Leaf fields (and nested objects' __typename) of a result type, so field resolvers run too. */
export function selectionFor(type: GraphQLOutputType): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field: GraphQLField<unknown, unknown>) => field.args.every((arg) => !isNonNullType(arg.type)));
  const parts = fields.map((field) => (isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`));
  return `{ __typename ${parts.join(' ')} }`;
}
