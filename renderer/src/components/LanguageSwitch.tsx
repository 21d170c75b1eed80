import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select data-testid="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>{l.label}</option>
        ))}
      </select>
    </label>
  );
}
