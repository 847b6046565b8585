import type { RankerModels } from '../../ranking/rankerModel.js';
import { loadRankerModels } from './loadRankerModels.js';
import { watchFile, type WatchedFile, type WatchLogOptions } from './watchFile.js';

/** The current ranker models, replaced when their file changes. */
export type RankerModelSource = WatchedFile<RankerModels>;

function versions(models: RankerModels): string {
  return `search ${models.search.version}, recommend ${models.recommend.version}, similar ${models.similar.version}`;
}

/**
 * The model file, watched (watchFile): a new file that cannot be read or whose features do not
 * match the code is refused with a logged message and the previous models stay.
 */
export function watchRankerModels(file: string, options: WatchLogOptions): RankerModelSource {
  return watchFile(file, { ...options, load: loadRankerModels, subject: 'ranker models', fileSubject: 'ranker model file', describe: versions });
}
