import { describe, expect, it } from 'vitest';
import type { WebContents, WebFrameMain } from 'electron';
import { isAppMainFrame } from '../../../main/electron/harden.ts';

/**
 * Electron cannot run on these machines, so the sender check is exercised
 * with stand-ins shaped like Electron's frames: the rule itself (main frame
 * of the app window, showing the app's own page) is ours.
 */
const appUrl = 'file:///opt/CRM%20Steward/resources/app/out/renderer/index.html';
const frame = (url: string) => ({ url }) as unknown as WebFrameMain;
const windowWith = (mainFrame: WebFrameMain, destroyed = false) => ({ webContents: { mainFrame, isDestroyed: () => destroyed } as unknown as WebContents });

describe('IPC is answered only for the app window\'s main frame showing the app\'s page', () => {
  it('accepts the main frame on the app page, with a view in its hash or query', () => {
    const main = frame(`${appUrl}#/customers`);
    expect(isAppMainFrame(main, windowWith(main), appUrl)).toBe(true);
    const withQuery = frame(`${appUrl}?lang=zh-CN`);
    expect(isAppMainFrame(withQuery, windowWith(withQuery), appUrl)).toBe(true);
  });

  it('refuses a subframe, another page in the main frame, no frame, no window, a closed window', () => {
    const main = frame(appUrl);
    expect(isAppMainFrame(frame(appUrl), windowWith(main), appUrl)).toBe(false); // same URL, but not the window's main frame
    const elsewhere = frame('https://evil.example/index.html');
    expect(isAppMainFrame(elsewhere, windowWith(elsewhere), appUrl)).toBe(false);
    const otherFile = frame('file:///tmp/index.html');
    expect(isAppMainFrame(otherFile, windowWith(otherFile), appUrl)).toBe(false);
    expect(isAppMainFrame(null, windowWith(main), appUrl)).toBe(false);
    expect(isAppMainFrame(main, null, appUrl)).toBe(false);
    expect(isAppMainFrame(main, windowWith(main, true), appUrl)).toBe(false);
  });
});
