/**
 * Splits a column header into words, the way a person reads it:
 * "lastModifiedDate", "Last_Modified-Date" and "Last Modified Date" are the
 * same three words; Chinese, written without spaces, is cut into the words
 * of a small dictionary ("最后更新时间" → 最后 · 更新 · 时间), longest match
 * first, and a character no word covers stands alone.
 */
const chineseWords = [
  '最后', '最近', '上次', '更新', '修改', '变更', '编辑', '时间', '日期', '时刻', '活动', '跟进', '联系', '联系人', '方式',
  '邮箱', '邮件', '电邮', '电子', '电子邮件', '电子邮箱', '电话', '手机', '号码', '手机号', '座机', '固话', '移动', '传真',
  '姓名', '名字', '名称', '姓氏', '客户', '会员', '用户', '编号', '编码', '代码', '创建', '注册', '建档', '录入', '新建',
  '出生', '生日', '地址', '街道', '城市', '省份', '地区', '国家', '国籍', '邮编', '邮政', '公司', '单位', '企业', '性别',
  '收入', '年收入', '月收入', '工资', '薪资', '备注', '状态', '类型', '来源', '身份证', '证件', '负责人', '所有人', '创建人',
  '修改人', '更新人', '次数', '原因', '产品', '金额',
];
const dictionary = new Set(chineseWords);
const longest = Math.max(...chineseWords.map((w) => w.length));

function splitChinese(run: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < run.length; ) {
    let len = Math.min(longest, run.length - i);
    while (len > 1 && !dictionary.has(run.slice(i, i + len))) len--;
    words.push(run.slice(i, i + len));
    i += len;
  }
  return words;
}

export function headerWords(header: string): string[] {
  const spaced = header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // camelCase
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') // "IDNumber" → "ID Number"
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\p{Script=Han}+)/gu, ' $1 ');
  const words: string[] = [];
  for (const part of spaced.split(/[^\p{L}\p{N}]+/u)) {
    if (part === '') continue;
    if (/\p{Script=Han}/u.test(part)) words.push(...splitChinese(part));
    else words.push(part);
  }
  // "e-mail" and "e mail" are one word.
  for (let i = 0; i < words.length - 1; i++) if (words[i] === 'e' && words[i + 1] === 'mail') words.splice(i, 2, 'email');
  return words;
}
