import type { ExtraKind, PresetName } from '../export-formats.ts';
import { weighted, type Rng } from '../prng.ts';

/** Values for the unmapped columns. They only need to look real and survive the round trip as extras. */

const LEAD_SOURCES = weighted([['Web', 30], ['Phone Inquiry', 10], ['Partner Referral', 10], ['Trade Show', 8], ['Email Campaign', 12], ['Advertisement', 5], ['Word of mouth', 5], ['', 20]]);
const LIFECYCLE = weighted([['subscriber', 15], ['lead', 30], ['marketingqualifiedlead', 10], ['salesqualifiedlead', 8], ['opportunity', 7], ['customer', 25], ['evangelist', 5]]);
const OWNERS = ['Emily Clarke', 'Raj Patel', 'Lukas Becker', 'Chloé Martin', 'Marta Ruiz', 'Tom Baker', 'Sofia Romano', 'Daan de Wit'];
const OWNERS_ZH = ['李娜', '王强', '陈静', '张伟', '刘洋'];
const USERS = ['admin', 'sally', 'max', 'will', 'chris', 'sarah'];
const TIERS = weighted([['普通', 50], ['重要', 20], ['VIP', 10], ['潜在', 20]]);
const NOTES = ['Prefers email', 'Called twice, no answer', 'VIP - invited to the spring event', 'Asked for the "premium" plan', 'Met at trade show; follow up in Q3', 'Do not call before 10am', 'Moved - check address'];
const NOTES_ZH = ['VIP客户', '已回访', '需要开发票', '客户要求周末联系', '老客户介绍', '对价格敏感'];
/** Second lines for notes that span lines, the usual source of quoted newlines in CRM exports. */
export const NOTE_SECOND_LINES = ['Left voicemail', 'Sent brochure', 'Spouse is also a customer', 'See ticket #4821'];
export const NOTE_SECOND_LINES_ZH = ['已发送资料', '下次电话回访', '家人也是客户'];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function extraValue(rng: Rng, kind: ExtraKind, preset: PresetName): string {
  const chinese = preset === 'chinese_erp';
  switch (kind) {
    case 'lead_source': return LEAD_SOURCES(rng);
    case 'lifecycle': return LIFECYCLE(rng);
    case 'owner': return rng.pick(chinese ? OWNERS_ZH : OWNERS);
    case 'assigned_user': return rng.pick(USERS);
    case 'tier': return TIERS(rng);
    case 'notes': return rng.chance(0.7) ? '' : rng.pick(chinese ? NOTES_ZH : NOTES);
    case 'row_checksum': {
      let s = '';
      for (let i = 0; i < 30; i++) s += B64[rng.int(0, 63)];
      return s + '==';
    }
  }
}
