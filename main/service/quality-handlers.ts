import type { Handlers } from '../../shared/contract.ts';
import type { qualityChannels } from '../../shared/channels/quality.ts';
import type { ServiceContext } from './service-context.ts';

/** Handlers for shared/channels/quality.ts. */
export function qualityHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof qualityChannels> {
  return {};
}
