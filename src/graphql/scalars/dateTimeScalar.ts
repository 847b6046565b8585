import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * `DateTime` as the domain sees it: epoch milliseconds inside, an ISO 8601 UTC string outside.
 * graphql-scalars does the RFC 3339 validation (offsets, fractions, calendar checks); this wrapper
 * only converts its `Date` to the domain's number, and serialises to a string itself because
 * graphql-scalars 1.x returns a `Date` object and relies on JSON.stringify to turn it into text.
 * The description repeats the SDL's because Apollo copies every property of a scalar resolver
 * over the SDL's type, an absent description included; test/graphql/schemaDescriptions.test.ts
 * checks that the two agree.
 */
export const dateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  description: 'A date and time as an ISO 8601 string with a time zone, such as `2018-09-24T14:05:00Z`.',
  serialize(value) {
    const date = GraphQLDateTime.serialize(value) as Date;
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    }
    return date.toISOString();
  },
  parseValue(value) {
    return (GraphQLDateTime.parseValue(value) as Date).getTime();
  },
  parseLiteral(ast: ValueNode) {
    return (GraphQLDateTime.parseLiteral(ast, undefined) as Date).getTime();
  },
});
