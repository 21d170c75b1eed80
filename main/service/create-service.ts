import { channels, isChannel, type Channel, type Handlers, type In, type Out } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { analysisHandlers } from './analysis-handlers.ts';
import { backupHandlers } from './backup-handlers.ts';
import { dataHandlers } from './data-handlers.ts';
import { editHandlers } from './edit-handlers.ts';
import { exportHandlers } from './export-handlers.ts';
import { fixHandlers } from './fix-handlers.ts';
import { historyHandlers } from './history-handlers.ts';
import { matchHandlers } from './match-handlers.ts';
import { guardPaths } from './path-guard.ts';
import { mergeHandlers } from './merge-handlers.ts';
import { projectHandlers } from './project-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { qualityHandlers } from './quality-handlers.ts';
import { ServiceContext, type ServiceOptions } from './service-context.ts';
import { segmentHandlers } from './segment-handlers.ts';
import { sourceHandlers } from './source-handlers.ts';

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
    ...fixHandlers(context), ...historyHandlers(context), ...editHandlers(context), ...exportHandlers(context),
    ...backupHandlers(context), ...mergeHandlers(context), ...sourceHandlers(context), ...segmentHandlers(context), ...analysisHandlers(context), ...reportHandlers(context) };

  async function invokeUnknown(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) throw new AppError('invalid_input', `Unknown channel ${channel}.`);
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AppError('invalid_input', `Invalid ${channel} request: ${first.path.join('.') || 'input'}: ${first.message}`);
    }
    guardPaths(channel, parsed.data, context.files);
    const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
    try {
      return await handler(parsed.data);
    } catch (err) {
      throw lockedAsBusy(err);
    }
  }

  return {
    context,
    handlers,
    invoke: (channel, input) => invokeUnknown(channel, input) as never,
    invokeUnknown,
    dispose: () => context.dispose(),
  };
}

/**
 * SQLite's "database is locked" after the service's short busy timeout (a
 * job was saving its results) is a state the user can wait out, not a fault:
 * it crosses as 'busy' with a sentence.
 */
function lockedAsBusy(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new AppError('busy', 'The project is busy saving the results of a running job; try again in a moment.');
  }
  return err;
}
