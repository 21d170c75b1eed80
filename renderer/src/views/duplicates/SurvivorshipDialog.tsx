import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldRule, MasterRule, SurvivorshipSettings } from '../../../../shared/channels/merge.ts';
import { customerFieldKeys } from '../../../../shared/domain/fields.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { fieldName } from '../fixes/fix-text.ts';
import { RuleOrder } from './RuleOrder.tsx';

// Type imports only: the contract's zod schemas would make zod test whether it may eval, which the page's CSP forbids (a console error).
// A Record over the rule type keeps these lists complete when the contract adds a rule.
const masterRules = Object.keys({ most_recent: 1, most_complete: 1, source_priority: 1 } satisfies Record<MasterRule, 1>) as MasterRule[];
const fieldRules = Object.keys({ valid_first: 1, most_frequent: 1, most_recent: 1, most_complete: 1, source_priority: 1, longest: 1 } satisfies Record<FieldRule, 1>) as FieldRule[];
/** Fields a golden record has (shared/channels/merge.ts goldenFieldKeys). */
const goldenFieldKeys = customerFieldKeys.filter((f) => f !== 'source_record_id');

/**
 * The project's survivorship rules: how the master record is chosen, which
 * source wins a tie on priority, and each field's rules in order. Saving
 * rebuilds every golden record's values from its members (nothing is
 * stored per golden record but the picks), so it is instant and reversible.
 */
export function SurvivorshipDialog({ sources, onClose, onSaved }: { sources: { id: number; fileName: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<SurvivorshipSettings | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => void api.invoke('merge:settings', {}).then(setSettings, setError), []);

  const change = (patch: Partial<SurvivorshipSettings>): void => (setSaved(false), setSettings((s) => (s ? { ...s, ...patch } : s)));
  const send = (input: Parameters<typeof api.invoke<'merge:settings'>>[1]): void => {
    setSaving(true);
    setError(null);
    api.invoke('merge:settings', input).then((s) => (setSettings(s), setSaved(true), onSaved()), setError).finally(() => setSaving(false));
  };
  const sourceName = (id: number): string => sources.find((s) => s.id === id)?.fileName ?? `#${id}`;
  return (
    <Dialog title={t('merge.settings.title')} testId="survivorship-dialog" onClose={onClose} wide>
      <p className="muted small">{t('merge.settings.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {!settings && !error && <p className="muted">{t('app.loading')}</p>}
      {settings && (
        <div className="survivorship">
          <div className="survivorship-side">
            <h3>{t('merge.settings.master')}</h3>
            <RuleOrder testId="master-rules" items={settings.master} options={masterRules} label={(r) => t(`merge.settings.masterRule.${r}`)} onChange={(master) => change({ master })} />
            <p className="muted small">{t('merge.settings.fallback')}</p>
            <h3>{t('merge.settings.sources')}</h3>
            {sources.length === 0
              ? <p className="muted small">{t('merge.settings.noSources')}</p>
              : <RuleOrder testId="source-priority" items={settings.sourcePriority} options={sources.map((s) => s.id)} label={sourceName} onChange={(sourcePriority) => change({ sourcePriority })} />}
          </div>
          <div className="survivorship-fields">
            <h3>{t('merge.settings.fields')}</h3>
            <table className="table compact">
              <tbody>
                {goldenFieldKeys.map((f) => (
                  <tr key={f} data-testid={`field-rules-${f}`}>
                    <th>{fieldName(t, f)}</th>
                    <td>
                      <RuleOrder
                        testId={`rules-${f}`} min={1} items={settings.fields[f] ?? []} options={fieldRules}
                        label={(r) => t(`merge.settings.fieldRule.${r}`)} onChange={(rules) => change({ fields: { ...settings.fields, [f]: rules } })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {saved && <div className="success" role="status" data-testid="settings-saved">{t('merge.settings.saved')}</div>}
      <div className="toolbar end">
        <button className="secondary" data-testid="settings-reset" disabled={saving} onClick={() => send({ reset: true })}>{t('merge.settings.reset')}</button>
        <button className="secondary" data-testid="settings-close" onClick={onClose}>{t('merge.settings.close')}</button>
        <button data-testid="settings-save" disabled={!settings || saving} onClick={() => settings && send(settings)}>{t('merge.settings.save')}</button>
      </div>
    </Dialog>
  );
}
