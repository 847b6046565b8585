import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a model file atomically: a temporary file beside it, then a rename, so that a server
 * watching the file never reads half of it.
 */
export async function writeRankerModels(file: string, models: object): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, `${JSON.stringify(models, null, 2)}\n`);
  await rename(temporary, file);
}
