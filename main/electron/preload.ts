import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels, events } from '../../shared/contract.ts';

/**
 * Exposes invoke and on for contract names only. The renderer never sees
 * ipcRenderer, and listeners never receive the Electron event object (it
 * carries the sender).
 */
const channelNames = new Set(Object.keys(channels));
const eventNames = new Set(Object.keys(events));

contextBridge.exposeInMainWorld('steward', {
  mode: 'electron',
  invoke: (channel: string, input: unknown) =>
    channelNames.has(channel)
      ? ipcRenderer.invoke('steward:invoke', channel, input)
      : Promise.resolve({ ok: false, error: { code: 'invalid_input', message: `Unknown channel ${channel}.` } }),
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!eventNames.has(event)) return () => {};
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('steward:event', relay);
    return () => ipcRenderer.removeListener('steward:event', relay);
  },
  pickFiles: async () => {
    const res = (await ipcRenderer.invoke('steward:invoke', 'dialog:pick-files', {})) as { ok: boolean; data?: string[] };
    return res.ok ? (res.data ?? []) : [];
  },
});
