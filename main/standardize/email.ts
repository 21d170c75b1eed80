/**
 * Email checks: syntax that a mail server would accept in practice (not the
 * full RFC 5322 grammar, which accepts things no CRM should hold), and a
 * suggestion when the domain is one typo away from a common provider.
 */
import countries from 'i18n-iso-countries';
import type { ValueProblem } from '../../shared/domain/issue-message.ts';
import { knownEmailDomains, mailDomainsByCountry, nationalProviders, tldTypos } from './email-domains.ts';

/** `reason`: what is wrong, as a message code and its parameters; the caller quotes the value. */
export type EmailCheck =
  | { status: 'valid'; normalised: string }
  | { status: 'invalid'; reason: ValueProblem; suggestion?: string }
  | { status: 'typo'; normalised: string; reason: ValueProblem; suggestion: string };

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const domainLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const knownSet = new Set<string>([...knownEmailDomains, ...Object.values(mailDomainsByCountry).flat()]);

/**
 * Country domains a national provider may sit under: every ISO country's
 * code, and .uk (Britain's domain is not its ISO code). Bare, four of them
 * are also the commonest slips for .com and .net (.co, .cm, .om, .ne):
 * "hotmail.co" is still a typo; "hotmail.com.co" (Colombia) is not.
 */
const countryTlds = new Set<string>([...Object.keys(countries.getAlpha2Codes()).map((c) => c.toLowerCase()), 'uk']);
const slipTlds = new Set(['co', 'cm', 'om', 'ne']);

/** A national provider's own country domain: yahoo.co.in, hotmail.com.ar, live.be, gmx.at. */
function isNationalProviderDomain(domain: string): boolean {
  const dot = domain.indexOf('.');
  if (dot < 0 || !nationalProviders.has(domain.slice(0, dot))) return false;
  const m = /^(co\.|com\.)?([a-z]{2})$/.exec(domain.slice(dot + 1));
  if (!m || !countryTlds.has(m[2])) return false;
  return m[1] !== undefined || !slipTlds.has(m[2]);
}

/** A mail domain people really use (listed, or a national provider's country domain): never a typo. */
export function isKnownMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return knownSet.has(d) || isNationalProviderDomain(d);
}

export function checkEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (/\s/.test(value)) return { status: 'invalid', reason: { code: 'containsSpaces' }, suggestion: fixable(value.replace(/\s+/g, '')) };
  const at = value.lastIndexOf('@');
  if (at < 0) return { status: 'invalid', reason: { code: 'noAt' } };
  if (value.indexOf('@') !== at) return { status: 'invalid', reason: { code: 'severalAt' } };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64) return { status: 'invalid', reason: { code: 'noLocalPart' } };
  if (!localPart.test(local)) return { status: 'invalid', reason: { code: 'badLocalPart', part: local } };
  const domainProblem = checkDomain(domain);
  if (domainProblem) {
    const repaired = repairDomain(domain);
    return { status: 'invalid', reason: domainProblem, suggestion: repaired ? `${local}@${repaired}` : undefined };
  }
  const normalised = `${local}@${domain}`;
  const suggestion = suggestDomain(domain);
  if (suggestion) {
    return { status: 'typo', normalised, reason: { code: 'emailTypo', domain, suggestion }, suggestion: `${local}@${suggestion}` };
  }
  return { status: 'valid', normalised };
}

/** Domains repeat heavily across customers: each is checked once (null = fine). */
const domainCache = new Map<string, ValueProblem | null>();

function checkDomain(domain: string): ValueProblem | undefined {
  const cached = domainCache.get(domain);
  if (cached !== undefined) return cached ?? undefined;
  const problem = domainProblem(domain);
  if (domainCache.size > 100_000) domainCache.clear();
  domainCache.set(domain, problem ?? null);
  return problem;
}

function domainProblem(domain: string): ValueProblem | undefined {
  if (domain === '') return { code: 'noDomain' };
  if (domain.length > 253) return { code: 'longDomain' };
  const labels = domain.split('.');
  if (labels.length < 2) return { code: 'noTopLevel', domain };
  if (labels.some((l) => l === '')) return { code: 'emptyDomainPart', domain };
  if (!labels.every((l) => domainLabel.test(l))) return { code: 'badDomainCharacters', domain };
  const tld = labels[labels.length - 1];
  if (!/^[a-z]{2,24}$|^xn--[a-z0-9-]+$/.test(tld)) return { code: 'badTopLevel', tld };
  return undefined;
}

/** For an unusable domain like "gmail,com" or "gmail" try to find what was meant. */
function repairDomain(domain: string): string | undefined {
  const cleaned = domain.replace(/[,;]/g, '.').replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '');
  if (knownSet.has(cleaned)) return cleaned;
  if (!cleaned.includes('.')) {
    const guess = knownEmailDomains.find((d) => d.startsWith(`${cleaned}.`));
    if (guess) return guess;
  }
  // A domain unusable only because of a slip near a known provider ("yahoo.co.k", "gmx.d"): that provider.
  if (checkDomain(cleaned)) return /^[a-z0-9.-]+$/.test(cleaned) ? nearestDomain(cleaned) : undefined;
  return suggestDomain(cleaned) ?? cleaned;
}

function fixable(value: string): string | undefined {
  const c = checkEmail(value);
  if (c.status === 'valid') return c.normalised;
  if (c.status === 'typo') return c.suggestion;
  return undefined;
}

/**
 * The nearest known provider domain, when the domain is not itself known and
 * is close enough that a typo is the likely story. Short domains (qq.com,
 * 163.com) allow one edit only, or "126.com" would "correct" to "163.com".
 */
const suggestionCache = new Map<string, string | null>();

export function suggestDomain(domain: string): string | undefined {
  const d = domain.toLowerCase();
  if (isKnownMailDomain(d)) return undefined;
  // Domains repeat heavily across customers; the edit-distance scan is the costly part.
  const cached = suggestionCache.get(d);
  if (cached !== undefined) return cached ?? undefined;
  const found = nearestDomain(d);
  if (suggestionCache.size > 100_000) suggestionCache.clear();
  suggestionCache.set(d, found ?? null);
  return found;
}

function nearestDomain(d: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of knownEmailDomains) {
    if (Math.abs(known.length - d.length) > 2) continue;
    const dist = damerauLevenshtein(d, known, 2);
    if (dist < bestDistance) {
      best = known;
      bestDistance = dist;
    }
  }
  const allowed = d.length <= 8 ? 1 : 2;
  if (best && bestDistance <= allowed) return best;
  const dot = d.lastIndexOf('.');
  const tldFix = tldTypos[d.slice(dot + 1)];
  if (dot > 0 && tldFix) return `${d.slice(0, dot)}.${tldFix}`;
  return undefined;
}

/** Optimal-string-alignment distance (counts a swap of neighbours as one edit: gmial → gmail), capped at max + 1. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}
