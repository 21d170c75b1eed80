import { channels, isChannel, type Channel, type Handlers, type In, type Out } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { dataHandlers } from './data-handlers.ts';
import { editHandlers } from './edit-handlers.ts';
import { exportHandlers } from './export-handlers.ts';
import { fixHandlers } from './fix-handlers.ts';
import { historyHandlers } from './history-handlers.ts';
import { matchHandlers } from './match-handlers.ts';
import { mergeHandlers } from './merge-handlers.ts';
import { projectHandlers } from './project-handlers.ts';
import { qualityHandlers } from './quality-handlers.ts';
import { ServiceContext, type ServiceOptions } from './service-context.ts';

export interface Service {
  context: ServiceContext;
  handlers: Handlers;
  /** Validates the payload with the channel's schema, then runs the handler. */
  invoke<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>>;
  invokeUnknown(channel: string, input: unknown): Promise<unknown>;
  dispose(): void;
}

export function createService(options: ServiceOptions): Service {
  const context = new ServiceContext(options);
  // A missing handler is a compile error: Handlers requires every channel.
  const handlers: Handlers = { ...projectHandlers(context), ...dataHandlers(context), ...qualityHandlers(context), ...matchHandlers(context),
    ...fixHandlers(context), ...historyHandlers(context), ...editHandlers(context), ...exportHandlers(context), ...mergeHandlers(context) };

  async function invokeUnknown(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) throw new AppError('invalid_input', `Unknown channel ${channel}.`);
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AppError('invalid_input', `Invalid ${channel} request: ${first.path.join('.') || 'input'}: ${first.message}`);
    }
    const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
    return handler(parsed.data);
  }

  return {
    context,
    handlers,
    invoke: (channel, input) => invokeUnknown(channel, input) as never,
    invokeUnknown,
    dispose: () => context.close(),
  };
}
