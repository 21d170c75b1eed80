import type { Session, WebContents, WebFrameMain } from 'electron';

/**
 * The window shows only the app's own page, and that page is the only thing
 * that may talk to the service. Customer data arrives in files anyone could
 * have written, so should text from one ever run as script in the renderer,
 * it must find nowhere to go and no one to ask:
 *
 * - no navigation, redirect or new window (the page stays the app's page);
 * - no <webview> (a guest page with its own preferences);
 * - no permission of any kind (camera, clipboard read, notifications, …),
 *   whether a page asks for it or merely checks for it;
 * - IPC answered only for the app window's main frame showing the app's page
 *   (never a subframe, never a page loaded from elsewhere).
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Whether an IPC message comes from the app window's main frame, showing the app's own page. */
export function isAppMainFrame(frame: WebFrameMain | null, window: { webContents: WebContents } | null, appUrl: string): boolean {
  if (!frame || !window || window.webContents.isDestroyed()) return false;
  if (frame !== window.webContents.mainFrame) return false;
  const url = new URL(frame.url);
  return `${url.protocol}//${url.host}${url.pathname}` === appUrl;
}
