import type { Transport } from './client.ts';

/**
 * Browser mode: the session token arrives once in the page URL; it is kept
 * for this tab only and removed from the address bar so it is not bookmarked
 * or shared by accident.
 */
function sessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('steward-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem('steward-token') ?? '';
}

export function browserTransport(): Transport {
  const token = sessionToken();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;

  const connect = (): void => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of ['job:progress', 'job:done', 'project:changed']) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };

  async function upload(file: File): Promise<string> {
    const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'x-steward-token': token }, body: file });
    const body = (await res.json()) as { ok: boolean; data?: { path: string }; error?: { message: string } };
    if (!body.ok || !body.data) throw new Error(body.error?.message ?? 'Upload failed.');
    return body.data.path;
  }

  return {
    mode: 'browser',
    async invoke(channel, input) {
      try {
        const res = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-steward-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Awaited<ReturnType<Transport['invoke']>>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `The CRM Steward service is not reachable: ${(err as Error).message}` } };
      }
    },
    on(event, listener) {
      if (!source) connect();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    pickFiles() {
      // A hidden file input; the chosen files are uploaded into the app's data folder.
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = '.csv,.tsv,.txt,.xlsx,.json';
        input.dataset.testid = 'file-input';
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const files = [...(input.files ?? [])];
          input.remove();
          Promise.all(files.map(upload)).then(resolve, reject);
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve([]);
        });
        document.body.appendChild(input);
        input.click();
      });
    },
  };
}
