import type { TargetField } from '../../shared/domain/fields.ts';

/**
 * Header names seen in real exports, English and Chinese, per target field.
 * Headers are compared after `headerKey` folds case, accents, spaces and
 * punctuation, so "E-Mail Address" and "email_address" are one entry.
 */
const table: Record<TargetField, string[]> = {
  source_record_id: ['id', 'record id', 'contact id', 'customer id', 'customer no', 'customer number', 'client id', 'account number', 'external id', 'lead id', 'uid', '客户编号', '客户id', '客户代码', '编号', '会员编号', '会员id', '客户号'],
  full_name: ['name', 'full name', 'contact name', 'customer name', 'client name', 'display name', '姓名', '客户名称', '客户姓名', '联系人', '名称', '会员名称'],
  given_name: ['first name', 'firstname', 'given name', 'forename', 'fname', 'vorname', 'prénom', 'prenom', 'nombre', '名', '名字'],
  family_name: ['last name', 'lastname', 'surname', 'family name', 'lname', 'nachname', 'nom', 'apellido', 'apellidos', '姓', '姓氏'],
  gender: ['gender', 'sex', 'geschlecht', 'sexe', 'sexo', '性别'],
  birth_date: ['birth date', 'birthdate', 'date of birth', 'dob', 'birthday', 'geburtsdatum', 'date de naissance', 'fecha de nacimiento', '出生日期', '生日', '出生年月'],
  email: ['email', 'e mail', 'email address', 'mail', 'primary email', 'work email', 'e mail adresse', 'courriel', 'correo', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'telephone', 'phone number', 'tel', 'business phone', 'office phone', 'work phone', 'home phone', 'landline', 'telefon', 'téléphone', 'telefono', 'teléfono', '电话', '联系电话', '固定电话', '座机'],
  mobile: ['mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'mobile phone number', 'handy', 'portable', 'móvil', 'movil', '手机', '手机号', '手机号码', '移动电话'],
  company: ['company', 'company name', 'account', 'account name', 'organisation', 'organization', 'employer', 'firma', 'société', 'societe', 'empresa', '公司', '公司名称', '单位', '工作单位', '企业名称'],
  street: ['street', 'address', 'street address', 'address line 1', 'address 1', 'mailing street', 'billing street', 'strasse', 'straße', 'adresse', 'dirección', 'direccion', '地址', '详细地址', '街道', '联系地址'],
  city: ['city', 'town', 'mailing city', 'billing city', 'ort', 'stadt', 'ville', 'ciudad', '城市', '市', '所在城市'],
  region: ['state', 'region', 'province', 'county', 'state province', 'state region', 'mailing state', 'bundesland', 'provincia', '省份', '省', '地区', '所在省份'],
  postcode: ['postcode', 'postal code', 'zip', 'zip code', 'zipcode', 'post code', 'plz', 'postleitzahl', 'code postal', 'código postal', 'codigo postal', '邮编', '邮政编码'],
  country: ['country', 'country region', 'nation', 'land', 'pays', 'país', 'pais', '国家', '国家地区', '国籍'],
  income: ['income', 'annual income', 'salary', 'yearly income', 'revenue', 'einkommen', 'revenu', 'ingresos', '年收入', '收入', '月收入'],
  income_currency: ['income currency', 'currency of income', 'salary currency', '收入币种'],
  created_at: ['created', 'created at', 'created date', 'create date', 'date created', 'created on', 'created time', 'creation date', 'signup date', '创建时间', '创建日期', '注册时间', '注册日期'],
  updated_at: ['updated', 'updated at', 'last modified', 'last modified date', 'modified', 'modified on', 'modified time', 'date modified', 'last updated', 'last update', '更新时间', '修改时间', '最后更新', '更新日期'],
  customer_ref: ['customer ref', 'customer reference', 'contact ref', '客户引用'],
  txn_date: ['transaction date', 'order date', 'purchase date', 'txn date', 'invoice date', '交易日期', '订单日期', '购买日期'],
  amount: ['amount', 'total', 'order total', 'value', 'price', 'net amount', '金额', '交易金额', '订单金额'],
  currency: ['currency', 'currency code', 'curr', '币种', '货币'],
  txn_kind: ['transaction type', 'type', 'kind', 'txn type', '交易类型', '类型'],
  product: ['product', 'product name', 'item', 'sku', 'article', '产品', '商品', '产品名称', '商品名称'],
  need_customer_ref: [],
  need_kind: ['need type', 'need kind', 'request type', 'interest', '需求类型'],
  need_description: ['need', 'needs', 'requirement', 'request', 'need description', '需求', '需求描述', '客户需求'],
  need_date: ['need date', 'request date', '需求日期'],
};

/** Folds a header to the form the synonym table is keyed by. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const synonymIndex: Map<string, TargetField> = (() => {
  const index = new Map<string, TargetField>();
  for (const [field, names] of Object.entries(table) as [TargetField, string[]][]) {
    for (const n of names) if (!index.has(headerKey(n))) index.set(headerKey(n), field);
  }
  return index;
})();
