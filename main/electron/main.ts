import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createService } from '../service/create-service.ts';
import { denyAllPermissions, hardenContents, isAppMainFrame } from './harden.ts';
import { bindIpc } from './ipc.ts';
import { osKeychains } from './keychain.ts';
import type { SaveFormat } from '../../shared/channels/fix.ts';

/**
 * The desktop shell: one window, the service bound to IPC, nothing else. All
 * behaviour lives in the service and the renderer, which browser mode and the
 * tests exercise without Electron.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const appPage = join(here, '../renderer/index.html');

const saveFilters: Record<SaveFormat, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV (UTF-8)', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  html: { name: 'HTML report', extensions: ['html'] },
};
let win: BrowserWindow | null = null;

function resourcesDir(): string {
  return app.isPackaged ? process.resourcesPath : join(here, '../../resources');
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'CRM Steward',
    webPreferences: {
      preload: join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  void window.loadFile(appPage);
  return window;
}

// Every web contents, the window's and any other that might appear, is locked down the same way (harden.ts).
app.on('web-contents-created', (_e, contents) => hardenContents(contents));

app.whenReady().then(() => {
  denyAllPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': ["default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"] } });
  });
  const keychains = osKeychains(app.getPath('userData'));
  const service = createService({
    dataDir: app.getPath('userData'),
    keychain: keychains.projectKeys,
    backupKeychain: keychains.backupPassphrases,
    projectsDir: join(app.getPath('documents'), 'CRM Steward'),
    demoDir: join(resourcesDir(), 'demo'),
    mode: 'electron',
    version: app.getVersion(),
    emit: (event, payload) => win?.webContents.send('steward:event', event, payload),
  });
  bindIpc(service, {
    pickFiles: async () => {
      const result = await dialog.showOpenDialog(win!, {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Customer exports', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json'] }],
      });
      return result.canceled ? [] : result.filePaths;
    },
    saveFile: async (defaultPath, format) => {
      const result = await dialog.showSaveDialog(win!, {
        defaultPath,
        filters: [saveFilters[format]],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  }, (frame) => isAppMainFrame(frame, win, pathToFileURL(appPage).href));
  win = createWindow();
  app.on('before-quit', () => service.dispose());
});

app.on('window-all-closed', () => app.quit());
