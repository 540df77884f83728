// Loads checks from the registry (each module is imported only when asked for).
import { checkIds, checkLoaders } from '../../checks/index.js';
import type { AnyCheck } from './run.js';

/** Ids among `ids` that are not in the registry (for a clear usage error). */
export function unknownCheckIds(ids: readonly string[]): string[] {
  return ids.filter((id) => !Object.prototype.hasOwnProperty.call(checkLoaders, id));
}

/** The checks with these ids (default: all), in registry order. Unknown ids are ignored; see unknownCheckIds. */
export async function loadChecks(ids: readonly string[] = checkIds): Promise<AnyCheck[]> {
  const wanted = new Set(ids);
  const selected = checkIds.filter((id) => wanted.has(id));
  return Promise.all(
    selected.map(async (id) => {
      const loader = checkLoaders[id];
      if (!loader) throw new Error(`no loader for ${id}`);
      return (await loader()).default;
    }),
  );
}
