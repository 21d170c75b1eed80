import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../shared/contract.ts';
import { pathsOfChannel } from '../../../main/service/path-guard.ts';

interface Def { type: string; shape?: Record<string, { _zod: { def: Def } }>; element?: { _zod: { def: Def } }; innerType?: { _zod: { def: Def } }; in?: { _zod: { def: Def } }; options?: { _zod: { def: Def } }[] }

/** Every key in a zod schema that names a file: `path`, `…Path`, at any depth. */
function pathKeys(def: Def, at = ''): string[] {
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => [...(/^path$|Path$/.test(k) ? [`${at}${k}`] : []), ...pathKeys(v._zod.def, `${at}${k}.`)]);
    case 'array': return pathKeys(def.element!._zod.def, `${at}[].`);
    case 'default': case 'optional': case 'nullable': case 'prefault': return pathKeys(def.innerType!._zod.def, at);
    case 'pipe': return pathKeys(def.in!._zod.def, at);
    case 'union': return (def.options ?? []).flatMap((o) => pathKeys(o._zod.def, at));
    default: return [];
  }
}

describe('file paths in requests', () => {
  it('every channel whose input names a file is checked against what browser mode may read or write', () => {
    const withPaths = (Object.keys(channels) as Channel[]).filter((c) => pathKeys((channels[c].input as unknown as { _zod: { def: Def } })._zod.def).length > 0);
    // import:discard names uploads to delete, and deletes nothing else (tested with real files in least-privilege.test.ts).
    const unchecked = withPaths.filter((c) => !pathsOfChannel[c] && c !== 'import:discard');
    expect(unchecked).toEqual([]);
    expect(withPaths).toEqual(expect.arrayContaining(['import:preview', 'import:start', 'project:open', 'export:start']));
  });
});
