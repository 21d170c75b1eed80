import type { Handlers } from '../../shared/contract.ts';
import type { matchChannels } from '../../shared/channels/match.ts';
import type { ServiceContext } from './service-context.ts';

/** Handlers for shared/channels/match.ts. */
export function matchHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof matchChannels> {
  return {};
}
