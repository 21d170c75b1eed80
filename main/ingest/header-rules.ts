import type { TargetField } from '../../shared/domain/fields.ts';
import { headerWords } from './header-words.ts';

/**
 * Headers no synonym names exactly are matched by their words: each field
 * lists combinations of concepts that name it ("last" + "activity" is an
 * update time, so is 更新 anywhere), and concepts that rule it out ("Email
 * Opt Out" is a flag, "Modified By" a person, 身份证号 not a customer number).
 */
const concepts = {
  update: ['update', 'updated', 'updates', 'modified', 'modification', 'changed', 'edited', 'geandert', '更新', '修改', '变更', '编辑'],
  last: ['last', 'latest', 'recent', 'most', '最后', '最近', '上次'],
  activity: ['activity', 'engagement', 'contacted', 'touch', 'interaction', '活动', '跟进', '联系'],
  create: ['created', 'create', 'creation', 'signup', 'registered', 'registration', 'erstellt', 'angelegt', '创建', '注册', '建档', '录入', '新建'],
  person: ['by', 'user', 'owner', 'author', 'person', 'who', '人', '者', '创建人', '修改人', '更新人', '负责人', '所有人'],
  email: ['email', 'emails', 'mail', 'courriel', 'correo', '邮箱', '邮件', '电邮', '电子邮件', '电子邮箱'],
  emailFlag: ['opt', 'optout', 'unsubscribed', 'unsubscribe', 'bounce', 'bounced', 'status', 'consent', 'valid', 'verified', 'subscription', 'format', 'domain', 'type', 'count', '状态', '类型', '次数'],
  phone: ['phone', 'phones', 'telephone', 'tel', 'telefon', 'telefono', 'landline', '电话', '座机', '固话'],
  mobile: ['mobile', 'cell', 'cellphone', 'handy', 'movil', '手机', '手机号', '移动'],
  phoneFlag: ['fax', 'type', 'opt', 'ext', 'extension', 'status', 'call', 'valid', '传真', '类型', '状态'],
  name: ['name', 'names', '姓名', '名字', '名称'],
  first: ['first', 'given', 'fore', 'vor', 'christian'],
  family: ['last', 'family', 'sur', 'surname', 'nachname', '姓氏'],
  middle: ['middle', 'nick', 'nickname', 'maiden'],
  entity: ['customer', 'client', 'record', 'member', 'lead', 'person', 'kunden', 'kunde', '客户', '会员'],
  contact: ['contact', '联系人', '联系'],
  notPerson: ['product', 'file', 'campaign', 'list', 'account', 'project', 'deal', 'opportunity', 'stage', 'pipeline', 'source', 'bank', 'team', 'group', 'segment', 'tag', 'sales', 'rep', 'agent', 'manager', 'event', 'brand', '产品', '来源', '类型'],
  id: ['id', 'identifier', 'uid', 'guid', 'key', '编号', '编码', '代码'],
  number: ['number', 'no', 'nr', 'num', 'nummer', 'code', '号', '号码'],
  idFlag: ['parent', 'owner', 'by', 'card', 'tax', 'vat', 'passport', 'national', 'social', 'account', '身份证', '证件', '卡'],
  company: ['company', 'organisation', 'organization', 'employer', 'firm', 'firma', 'societe', 'empresa', '公司', '单位', '企业'],
  street: ['street', 'address', 'addr', 'strasse', 'adresse', 'direccion', '地址', '街道'],
  city: ['city', 'town', 'ort', 'stadt', 'ville', 'ciudad', '城市'],
  region: ['state', 'province', 'region', 'county', 'bundesland', 'provincia', '省', '省份', '地区'],
  postcode: ['zip', 'zipcode', 'postal', 'postcode', 'plz', 'postleitzahl', '邮编', '邮政'],
  country: ['country', 'nation', 'land', 'pays', 'pais', '国家', '国籍'],
  birth: ['birth', 'birthday', 'birthdate', 'dob', 'born', 'geburtsdatum', 'geburtstag', '出生', '生日'],
  income: ['income', 'salary', 'einkommen', 'revenu', 'ingresos', '收入', '年收入', '月收入', '工资', '薪资'],
  gender: ['gender', 'sex', 'geschlecht', 'sexe', 'sexo', '性别'],
  date: ['date', 'time', 'timestamp', 'datetime', 'on', 'at', 'datum', 'zeit', '时间', '日期', '时刻'],
} as const;

type Concept = keyof typeof concepts;

const conceptsOfWord = new Map<string, Concept[]>();
for (const [concept, words] of Object.entries(concepts) as [Concept, readonly string[]][]) {
  for (const w of words) conceptsOfWord.set(w, [...(conceptsOfWord.get(w) ?? []), concept]);
}

interface Rule {
  field: TargetField;
  /** Any one of these concept combinations names the field. */
  any: Concept[][];
  /** Concepts that mean the column is something else. */
  not?: Concept[];
}

/** Fields whose words also appear in other fields' headers ("City Name", "Address City", "Mobile Phone"). */
const placeWords: Concept[] = ['street', 'city', 'region', 'postcode', 'country'];

const rules: Rule[] = [
  { field: 'updated_at', any: [['update'], ['last', 'activity']], not: ['person', 'id', 'create'] },
  { field: 'created_at', any: [['create']], not: ['person', 'id'] },
  { field: 'email', any: [['email']], not: ['emailFlag'] },
  { field: 'mobile', any: [['mobile']], not: ['phoneFlag', 'email'] },
  { field: 'phone', any: [['phone'], ['contact', 'number']], not: ['phoneFlag', 'mobile', 'email'] },
  { field: 'given_name', any: [['first', 'name'], ['first']], not: ['update', 'activity', 'date', 'create', 'contact'] },
  { field: 'family_name', any: [['family', 'name'], ['family']], not: ['first', 'update', 'activity', 'date', 'create'] },
  { field: 'full_name', any: [['name']], not: ['first', 'family', 'middle', 'company', 'email', 'update', 'create', 'person', 'notPerson', ...placeWords] },
  // Proposed as the id column only when the values are distinct too (suggest-mapping.ts).
  { field: 'source_record_id', any: [['entity', 'id'], ['entity', 'number'], ['contact', 'id'], ['id']], not: ['idFlag', 'phone', 'mobile', 'email', 'person', 'notPerson', 'date'] },
  { field: 'birth_date', any: [['birth']] },
  { field: 'postcode', any: [['postcode']] },
  { field: 'city', any: [['city']], not: ['region', 'postcode', 'country'] },
  { field: 'region', any: [['region']], not: ['city', 'postcode', 'country'] },
  { field: 'country', any: [['country']], not: ['phone', 'mobile'] },
  { field: 'street', any: [['street']], not: ['email', 'city', 'region', 'postcode', 'country'] },
  { field: 'company', any: [['company']], not: ['phone', 'mobile', 'email', 'id', ...placeWords] },
  { field: 'income', any: [['income']] },
  { field: 'gender', any: [['gender']] },
];

export interface HeaderMatch {
  field: TargetField;
  /** Words the rule used minus words it did not: the best-named column wins a field. */
  score: number;
}

/** The fields a header's words name, best first. */
export function fieldsByWords(header: string): HeaderMatch[] {
  const words = headerWords(header);
  const present = new Set<Concept>();
  for (const w of words) for (const c of conceptsOfWord.get(w) ?? []) present.add(c);
  const matches: HeaderMatch[] = [];
  for (const rule of rules) {
    if (rule.not?.some((c) => present.has(c))) continue;
    const used = rule.any.filter((combo) => combo.every((c) => present.has(c))).map((combo) => combo.length);
    if (used.length === 0) continue;
    matches.push({ field: rule.field, score: Math.max(...used) * 10 - words.length });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/** True when a header's words speak of a date or time (a weaker sign of a timestamp column than naming it). */
export function namesADate(header: string): boolean {
  return headerWords(header).some((w) => conceptsOfWord.get(w)?.includes('date'));
}
