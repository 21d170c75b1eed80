import { ipcMain } from 'electron';
import { toErrorPayload } from '../../shared/errors.ts';
import type { Service } from '../service/create-service.ts';

/**
 * One IPC handler for every contract channel. The service validates the
 * payload with the channel's schema; errors cross as { code, message }.
 * Channels that need the desktop (file dialogs) are answered here.
 */
export interface Desktop {
  pickFiles: () => Promise<string[]>;
  saveFile: (defaultPath: string, format: 'csv' | 'xlsx') => Promise<string | null>;
}

export function bindIpc(service: Service, desktop: Desktop): void {
  ipcMain.handle('steward:invoke', async (_event, channel: unknown, input: unknown) => {
    try {
      if (channel === 'dialog:pick-files') return { ok: true, data: await desktop.pickFiles() };
      if (channel === 'dialog:save-file') {
        // The service validates the request and proposes where; the native dialog lets the user choose.
        const proposal = (await service.invokeUnknown(channel, input)) as { defaultPath: string };
        const { format } = input as { format: 'csv' | 'xlsx' };
        return { ok: true, data: { path: await desktop.saveFile(proposal.defaultPath, format), defaultPath: proposal.defaultPath } };
      }
      return { ok: true, data: (await service.invokeUnknown(String(channel), input)) ?? null };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  });
}
