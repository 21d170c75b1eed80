import { formatDate } from '../format/dates.ts';
import { foldAccents } from '../format/text.ts';
import { claimEmail } from './person.ts';
import { applySome, blankOne, isFree, setName, type RecordDraft } from './variation-helpers.ts';

const LEGAL_FORM = /,?\s+(Inc\.|LLC|Corp\.|Co\.|Group|Ltd|Limited|plc|LLP|GmbH( & Co\. KG)?|AG|e\.K\.|UG \(haftungsbeschränkt\)|SARL|SAS|SA|EURL|S\.L\.U?\.|S\.A\.|S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|B\.V\.|N\.V\.|V\.O\.F\.)$|(股份有限公司|有限责任公司|有限公司)$/;

/**
 * Changes a repeat record of a person the way a second system or a second
 * sign-up does. Only blanked fields are recorded as errors: the other
 * variations are legitimate spellings a matcher has to see through.
 */
export function varyDuplicate(draft: RecordDraft): void {
  const { rng } = draft;
  const r = rng.float();
  const count = r < 0.15 ? 0 : r < 0.55 ? 1 : r < 0.85 ? 2 : 3;
  applySome(rng, [
    [10, () => nickname(draft)],
    [10, () => nameTypo(draft)],
    [3, () => swapNames(draft)],
    [draft.person.locale === 'zh-CN' ? 25 : 0, () => pinyin(draft)],
    [6, () => familyVariant(draft)],
    [4, () => foldName(draft)],
    [3, () => upperName(draft)],
    [6, () => emailCase(draft)],
    [6, () => emailDotsOrTag(draft)],
    [4, () => newEmail(draft)],
    [4, () => swapPhones(draft)],
    [8, () => moved(draft)],
    [5, () => swapDayMonth(draft)],
    [4, () => companyShort(draft)],
    [12, () => missingFields(draft)],
  ], count);
}

/** One or two fields this system never captured. */
function missingFields(d: RecordDraft): boolean {
  if (!blankOne(d)) return false;
  if (d.rng.chance(0.4)) blankOne(d);
  return true;
}

function nickname(d: RecordDraft): boolean {
  const nicks = d.person.data.nicknames[d.person.given];
  if (!nicks) return false;
  setName(d, d.rng.pick(nicks), d.values.family_name);
  return true;
}

function nameTypo(d: RecordDraft): boolean {
  const data = d.person.data;
  const given = d.values.given_name, family = d.values.family_name;
  const onGiven = d.rng.chance(0.6);
  const changed = onGiven ? data.typo(d.rng, given) : data.typo(d.rng, family);
  if (changed === (onGiven ? given : family)) return false;
  setName(d, onGiven ? changed : given, onGiven ? family : changed);
  return true;
}

/** First and last name entered in each other's boxes. */
function swapNames(d: RecordDraft): boolean {
  setName(d, d.values.family_name, d.values.given_name);
  return true;
}

/** The same Chinese customer as a Western system romanises them: 王伟 / Wang Wei / Wei Wang / WANG Wei. */
function pinyin(d: RecordDraft): boolean {
  const { data, given, family } = d.person;
  const g = data.romanise(given), f = data.romanise(family);
  const full = d.rng.pick([`${f} ${g}`, `${g} ${f}`, `${f.toUpperCase()} ${g}`]);
  setName(d, g, f, full);
  return true;
}

function familyVariant(d: RecordDraft): boolean {
  const changed = d.person.data.familyVariants(d.rng, d.values.family_name);
  if (changed === d.values.family_name) return false;
  setName(d, d.values.given_name, changed);
  return true;
}

function foldName(d: RecordDraft): boolean {
  const g = foldAccents(d.values.given_name), f = foldAccents(d.values.family_name);
  if (g === d.values.given_name && f === d.values.family_name) return false;
  setName(d, g, f);
  return true;
}

function upperName(d: RecordDraft): boolean {
  if (d.person.locale === 'zh-CN') return false;
  setName(d, d.values.given_name.toUpperCase(), d.values.family_name.toUpperCase());
  return true;
}

function emailCase(d: RecordDraft): boolean {
  const at = d.values.email.indexOf('@');
  if (at < 1) return false;
  const local = d.values.email.slice(0, at).replace(/(^|[._-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  const domain = d.values.email.slice(at + 1);
  d.values.email = `${local}@${d.rng.chance(0.5) ? domain.charAt(0).toUpperCase() + domain.slice(1) : domain}`;
  return true;
}

/** Gmail ignores dots and everything after +, so these are one mailbox. */
function emailDotsOrTag(d: RecordDraft): boolean {
  const [local, domain] = d.values.email.split('@');
  if (!local || !domain) return false;
  if (domain === 'gmail.com' && local.includes('.')) d.values.email = `${local.replace(/\./g, '')}@${domain}`;
  else if (domain === 'gmail.com' && local.length > 4) d.values.email = `${local.slice(0, 3)}.${local.slice(3)}@${domain}`;
  else d.values.email = `${local}+${d.rng.pick(['shop', 'news', 'crm', 'promo', '2020'])}@${domain}`;
  // The same mailbox, but another address as written: a standardiser keeps it as it is.
  d.shown.email = d.values.email;
  return true;
}

/** A second, equally valid address: people change providers. */
function newEmail(d: RecordDraft): boolean {
  if (!isFree(d, 'email') || d.values.email === '') return false;
  const { data, given, family, birth } = d.person;
  d.values.email = claimEmail(d.people, data.emailLocal(d.rng, data.romanise(given), data.romanise(family), birth?.y ?? 1980), data.emailDomain(d.rng));
  d.shown.email = d.values.email;
  return true;
}

function swapPhones(d: RecordDraft): boolean {
  if (!d.values.phone || !d.values.mobile) return false;
  [d.values.phone, d.values.mobile] = [d.values.mobile, d.values.phone];
  [d.shown.phone, d.shown.mobile] = [d.shown.mobile, d.shown.phone];
  return true;
}

/** The person moved: a later record holds a new address (sometimes in the same city). */
function moved(d: RecordDraft): boolean {
  const { data, address } = d.person;
  const city = d.rng.chance(0.4) ? address.city : d.rng.pick(data.cities);
  const next = data.makeAddress(d.rng, city);
  // A field already left blank in this record stays blank: its missing_value is in the truth.
  const set = (field: 'street' | 'city' | 'region' | 'postcode', value: string) => {
    if (isFree(d, field)) d.values[field] = value;
  };
  set('street', data.streetLine(d.rng, next, d.rng.chance(0.25)));
  set('city', data.cityName(d.rng, city));
  set('region', data.region(d.rng, city));
  set('postcode', next.postcode);
  return true;
}

/** 07/03 read as 03/07 by a system with the other convention. */
function swapDayMonth(d: RecordDraft): boolean {
  const b = d.person.birth;
  if (!b || b.d > 12 || b.d === b.m || !d.values.birth_date) return false;
  const style = d.person.data.dateStyle(d.rng);
  d.shown.birth = { y: b.y, m: b.d, d: b.m };
  d.shown.birthStyle = style;
  d.shown.birthSwapped = true;
  d.values.birth_date = formatDate(d.shown.birth, style);
  return true;
}

function companyShort(d: RecordDraft): boolean {
  const short = d.values.company.replace(LEGAL_FORM, '');
  if (!d.values.company || short === d.values.company || short.length < 2) return false;
  d.values.company = short;
  return true;
}
