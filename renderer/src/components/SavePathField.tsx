import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { SaveFormat as Format } from '../../../shared/channels/fix.ts';

const withExtension = (path: string, format: Format): string => path.replace(/\.(csv|xlsx|html)$/i, '') + `.${format}`;
/** The same folder, another file name (either separator: the service may run on Windows). */
export const inFolderOf = (path: string, name: string): string => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) + name;

/**
 * Where to save a file. The desktop app asks with its native dialog
 * (Choose…); browser mode has none, so the service proposes a path in the
 * projects folder and the field starts with it, editable. While the field
 * still holds the proposal, a new default name (other contents chosen)
 * renames it; a path the user typed or chose keeps its name, and a new
 * format changes only its extension.
 */
export function SavePathField({ defaultName, format, value, onChange, disabled, testId }: {
  defaultName: string; format: Format; value: string; onChange: (path: string) => void; disabled?: boolean; testId: string;
}) {
  const { t } = useTranslation();
  // What the field holds when an answer arrives: a path typed meanwhile is not replaced by the proposal.
  const latest = useRef({ value, defaultName });
  latest.current = { value, defaultName };
  // The path this field proposed, while the user has not changed it.
  const proposed = useRef<string | null>(null);
  const propose = (path: string): void => {
    proposed.current = path;
    onChange(path);
  };
  const choose = async (): Promise<void> => {
    const r = await api.invoke('dialog:save-file', { defaultName, format });
    if (r.path) onChange(r.path);
    // Named after the contents chosen by the time the answer came.
    else if (!latest.current.value) propose(inFolderOf(r.defaultPath, latest.current.defaultName));
  };
  useEffect(() => {
    if (api.mode === 'browser' && !value) void choose();
    // Asked once, when the field appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!value) return;
    if (value === proposed.current) propose(inFolderOf(value, defaultName));
    else if (!value.toLowerCase().endsWith(`.${format}`)) onChange(withExtension(value, format));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultName, format]);
  return (
    <label className="field save-path">
      <span>{t('export.path')}</span>
      <span className="path-row">
        <input data-testid={testId} value={value} disabled={disabled} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
        {api.mode === 'electron' && <button type="button" className="secondary" disabled={disabled} onClick={() => void choose()}>{t('export.choose')}</button>}
      </span>
      <span className="muted small">{t('export.pathHelp')}</span>
    </label>
  );
}
