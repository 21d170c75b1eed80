import { useTranslation } from 'react-i18next';
import type { ClusterDetail } from '../../../../shared/channels/match.ts';

const norm = (v: string | null): string => (v ?? '').trim().toLowerCase();

/** The group's records side by side, one column each; a field whose values differ is highlighted. */
export function MembersTable({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  return (
    <div className="members-scroll">
      <table className="table members" data-testid="cluster-members">
        <thead>
          <tr>
            <th>{t('duplicates.field')}</th>
            {cluster.members.map((m) => (
              <th key={m.id} data-testid="member-column">
                {m.sourceRecordId ?? t('duplicates.record', { id: m.id })}
                <div className="muted small">{t('duplicates.row', { source: m.source, row: m.rowNumber })}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cluster.fields.map((f) => {
            const values = cluster.members.map((m) => m.values[f] ?? null);
            const filled = new Set(values.filter((v) => v !== null && v !== '').map(norm));
            const differs = filled.size > 1;
            return (
              <tr key={f} className={differs ? 'differs' : ''} data-testid={differs ? 'field-differs' : 'field-same'}>
                <th>{t(`field.${f}`, { defaultValue: f })}</th>
                {values.map((v, i) => <td key={cluster.members[i].id} className={v === null ? 'muted' : ''}>{v ?? '—'}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
