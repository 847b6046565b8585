import { describe, expect, it } from '@jest/globals';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/typeDefs.js';
import { startHarness } from '../support/graphqlHarness.js';

/** Every place in the schema that lacks a description, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, where: string) => {
    if (!description || description.trim().length === 0) missing.push(where);
  };
  check(type.description, type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      check(field.description, `${type.name}.${field.name}`);
      for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
  }
  return missing;
}

describe('the SDL', () => {
  const schema = buildSchema(loadTypeDefs());
  const types = Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));

  it('describes the schema and every type, field, argument, input field and enum value', () => {
    expect(types.flatMap(undescribed)).toEqual([]);
    expect(schema.description).toMatch(/search-and-recommend gateway/);
  });

  it('covers the whole API (the walk is not vacuous)', () => {
    expect(types.map((type) => type.name).sort()).toEqual([
      'CategoryAffinity',
      'DateTime',
      'DeleteItemsPayload',
      'EventInput',
      'EventResult',
      'EventStatus',
      'EventType',
      'Explanation',
      'FeatureContribution',
      'FilterCondition',
      'FilterField',
      'Item',
      'ItemConnection',
      'ItemEdge',
      'ItemFilter',
      'ItemInput',
      'ItemStats',
      'MatchInput',
      'Mutation',
      'NamedFigure',
      'PageInfo',
      'Query',
      'RangeInput',
      'RankerFeatureWeight',
      'RankerModel',
      'RankerOptimiser',
      'RankerTraining',
      'RankingSurface',
      'RecordEventsPayload',
      'RerankStep',
      'RetrievalHit',
      'RetrievalSource',
      'TimeWindow',
      'UpsertItemsPayload',
      'User',
    ]);
  });

  it('keeps every description in the schema the server serves (resolvers and scalars do not drop them)', async () => {
    const harness = await startHarness();
    try {
      const result = await harness.run(getIntrospectionQuery({ schemaDescription: true }));
      const served = buildClientSchema(result.data as unknown as IntrospectionQuery);
      const servedTypes = Object.values(served.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
      expect(servedTypes.flatMap(undescribed)).toEqual([]);
      expect(served.getType('DateTime')?.description).toBe(schema.getType('DateTime')?.description);
    } finally {
      await harness.server.stop();
    }
  });

  it('finds a missing description when there is one', () => {
    const broken = buildSchema('"Root." type Query { "Has one." a(x: Int): Int b: Int } enum E { "Yes." ONE TWO }');
    const found = Object.values(broken.getTypeMap())
      .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
      .flatMap(undescribed);
    expect(found.sort()).toEqual(['E', 'E.TWO', 'Query.a(x)', 'Query.b']);
  });
});
