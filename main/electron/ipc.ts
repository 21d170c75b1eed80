import { ipcMain, type WebFrameMain } from 'electron';
import { toErrorPayload } from '../../shared/errors.ts';
import type { Service } from '../service/create-service.ts';
import type { SaveFormat } from '../../shared/channels/fix.ts';

/**
 * One IPC handler for every contract channel. The service validates the
 * payload with the channel's schema; errors cross as { code, message }.
 * Channels that need the desktop (file dialogs) are answered here.
 */
export interface Desktop {
  pickFiles: () => Promise<string[]>;
  saveFile: (defaultPath: string, format: SaveFormat) => Promise<string | null>;
}

/** `trusted` says whether a frame is the app window's main frame (harden.ts): nothing else is answered. */
export function bindIpc(service: Service, desktop: Desktop, trusted: (frame: WebFrameMain | null) => boolean): void {
  ipcMain.handle('steward:invoke', async (event, channel: unknown, input: unknown) => {
    if (!trusted(event.senderFrame)) return { ok: false, error: { code: 'unauthorized', message: 'Only the CRM Steward window may call the service.' } };
    try {
      if (channel === 'dialog:pick-files') return { ok: true, data: await desktop.pickFiles() };
      if (channel === 'dialog:save-file') {
        // The service validates the request and proposes where; the native dialog lets the user choose.
        const proposal = (await service.invokeUnknown(channel, input)) as { defaultPath: string };
        const { format } = input as { format: SaveFormat };
        return { ok: true, data: { path: await desktop.saveFile(proposal.defaultPath, format), defaultPath: proposal.defaultPath } };
      }
      return { ok: true, data: (await service.invokeUnknown(String(channel), input)) ?? null };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  });
}
