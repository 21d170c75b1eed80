import type { Channel, EventName, EventPayload, In, Out } from '../../../shared/contract.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { browserTransport } from './browser-transport.ts';

/** What both transports provide: the Electron preload and browser mode. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<{ ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Turns files the user chose into paths the service can read. */
  pickFiles(): Promise<string[]>;
  mode: 'electron' | 'browser';
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

declare global {
  interface Window {
    steward?: Transport;
  }
}

/** The one client: picked at start-up by what the page finds (the preload's bridge, or browser mode). */
const transport: Transport = window.steward ?? browserTransport();

export const api = {
  mode: transport.mode,
  async invoke<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>> {
    const res = await transport.invoke(channel, input);
    if (!res.ok) throw new ApiError(res.error.code as ErrorCode, res.error.message);
    return res.data as Out<C>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return transport.on(event, listener as (p: unknown) => void);
  },
  pickFiles: () => transport.pickFiles(),
};
