// Loads checks from the registry lazily, by id.
import { checkLoaders } from '../../checks/index.js';
import type { Check } from './types.js';

export async function loadCheck(id: string): Promise<Check<unknown, Record<string, unknown>> | undefined> {
  const loader = Object.prototype.hasOwnProperty.call(checkLoaders, id) ? checkLoaders[id] : undefined;
  return loader ? (await loader()).default : undefined;
}
