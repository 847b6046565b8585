import type { RankerModel } from '../../ranking/rankerModel.js';
import type { QueryResolvers, RankerModelResolvers, RankerTrainingResolvers, TimeWindowResolvers } from '../generated/resolversTypes.js';

/** A model with the surface it serves. */
export interface ServedRankerModel {
  readonly surface: 'search' | 'recommend' | 'similar';
  readonly model: RankerModel;
}

export const rankerModelsLookup: NonNullable<QueryResolvers['rankerModels']> = (_root, _args, context) => {
  const models = context.gateway.rankerModels();
  return (['search', 'recommend', 'similar'] as const).map((surface) => ({ surface, model: models[surface] }));
};

export const rankerModelType = {
  version: (served) => served.model.version,
  features: (served) =>
    served.model.featureNames.map((name, i) => ({
      name,
      mean: served.model.mean[i]!,
      standardDeviation: served.model.std[i]!,
      weight: served.model.weights[i]!,
    })),
  bias: (served) => served.model.bias,
  training: (served) => served.model.training,
} satisfies RankerModelResolvers;

const figures = (record: Readonly<Record<string, number>>) => Object.entries(record).map(([name, value]) => ({ name, value }));

export const rankerTrainingType = {
  trainedAt: (training) => Date.parse(training.trainedAt),
  metrics: (training) => figures(training.metrics),
  examples: (training) => figures(training.examples),
} satisfies RankerTrainingResolvers;

export const timeWindowType = {
  from: (window) => Date.parse(window.from),
  to: (window) => Date.parse(window.to),
} satisfies TimeWindowResolvers;
