import type { Resolvers } from '../generated/resolversTypes.js';
import { ENUM_VALUES } from '../enumValues.js';
import { dateTimeScalar } from '../scalars/dateTimeScalar.js';
import { deleteItems } from './deleteItems.js';
import { explanationType } from './explanationType.js';
import { itemConnectionType } from './itemConnectionType.js';
import { itemEdgeType } from './itemEdgeType.js';
import { itemLookups } from './itemLookups.js';
import { itemStatsType } from './itemStatsType.js';
import { itemType } from './itemType.js';
import { rankerModelsLookup, rankerModelType, rankerTrainingType, timeWindowType } from './rankerModelsLookup.js';
import { recommendations } from './recommendations.js';
import { recordEvents } from './recordEvents.js';
import { search } from './search.js';
import { similarItems } from './similarItems.js';
import { upsertItems } from './upsertItems.js';
import { userLookup } from './userLookup.js';
import { userType } from './userType.js';

/**
 * Every resolver of the API. Enum entries give each GraphQL enum value its domain string, so
 * arguments arrive as the pipeline's lowercase values and domain values serialise as is.
 */
export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Query: { search, recommendations, similarItems, ...itemLookups, user: userLookup, rankerModels: rankerModelsLookup },
  Mutation: { upsertItems, deleteItems, recordEvents },
  Item: itemType,
  ItemStats: itemStatsType,
  User: userType,
  ItemConnection: itemConnectionType,
  ItemEdge: itemEdgeType,
  Explanation: explanationType,
  RankerModel: rankerModelType,
  RankerTraining: rankerTrainingType,
  TimeWindow: timeWindowType,
  ...ENUM_VALUES,
};
