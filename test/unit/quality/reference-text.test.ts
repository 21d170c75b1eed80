import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { quality_en } from '../../../shared/i18n/quality.en.ts';
import { quality_zhCN } from '../../../shared/i18n/quality.zh-CN.ts';
import { referenceErrorText, referenceResultText } from '../../../renderer/src/views/quality/reference-text.ts';

/** The service's sentences (main/quality/reference-file.ts) worded in the user's language. */
async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: quality_en }, 'zh-CN': { translation: quality_zhCN } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const noIds = new Error("names.csv has no column of record ids matching this project's customers. A reference file is matched to customers by the record id of their source file.");
const noMatch = new Error('No record id in column "Kunden-Nr" of other.csv matches a customer in this project. A reference file is matched to customers by the record id of their source file.');
const noFields = new Error('ids.csv has no columns that map to customer fields (columns: Customer ID, Notes).');

describe('reference import texts', () => {
  it('words the three refusals in Chinese with the file and column names', async () => {
    const t = await translator('zh-CN');
    expect(referenceErrorText(t, noIds)).toBe('names.csv 中没有与本项目客户记录编号相符的列。参考文件按客户在其源文件中的记录编号（例如“客户编号”）进行匹配。');
    expect(referenceErrorText(t, noMatch)).toContain('other.csv 的“Kunden-Nr”列中没有任何记录编号属于本项目的客户');
    expect(referenceErrorText(t, noFields)).toContain('ids.csv 中没有可对应到客户字段');
    expect(referenceErrorText(t, new Error('Something else.'))).toBe('Something else.');
  });

  it('says what matched, with the unmatched rows, in either language', async () => {
    const r = { fileName: 'verified.csv', idColumn: 'Customer ID', fields: ['email', 'city'], rows: 6, matchedRows: 5, customers: 5, values: 10 };
    expect(referenceResultText(await translator('en'), 'en', r)).toBe('verified.csv: 6 rows read, 5 matched customers by “Customer ID”; 10 reference values stored (Email and City). 1 row matched no customer.');
    expect(referenceResultText(await translator('zh-CN'), 'zh-CN', { ...r, matchedRows: 6 })).toBe('verified.csv：读取 6 行，按“Customer ID”匹配到客户的有 6 行；已保存 10 个参考值（邮箱和城市）。');
  });
});
