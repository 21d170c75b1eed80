import { ipcMain } from 'electron';
import { toErrorPayload } from '../../shared/errors.ts';
import type { Service } from '../service/create-service.ts';

/**
 * One IPC handler for every contract channel. The service validates the
 * payload with the channel's schema; errors cross as { code, message }.
 * Channels that need the desktop (file dialogs) are answered here.
 */
export function bindIpc(service: Service, desktop: { pickFiles: () => Promise<string[]> }): void {
  ipcMain.handle('steward:invoke', async (_event, channel: unknown, input: unknown) => {
    try {
      if (channel === 'dialog:pick-files') return { ok: true, data: await desktop.pickFiles() };
      return { ok: true, data: (await service.invokeUnknown(String(channel), input)) ?? null };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  });
}
