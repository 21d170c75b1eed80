/**
 * E-mail addresses: the canonical form is the address trimmed and in lower
 * case (mail systems treat the local part case-insensitively in practice;
 * RFC 5321 allows otherwise, no provider does). Gmail's dots and "+tags" are
 * left alone: they are how the customer wrote the address, and matching has
 * its own canonical key for them (canonicalEmail in contact.ts).
 *
 * A domain one or two edits from a common provider is suggested
 * (email_domain_typo), never applied silently, and real domains (yahoo.co.in,
 * web.de, 163.com…, see email-domains.ts) are never called typos. An
 * unusable address with an obvious repair ("anna@gmail,com", "mailto:…",
 * "anna @gmail.com") gets email_repair. Other invalid addresses get nothing:
 * data quality reports them.
 */
import { checkEmail, damerauLevenshtein } from './email.ts';
import { tldTypos } from './email-domains.ts';
import { change, type Change } from './standardiser.ts';

/** Lower-case printable ASCII with one "@" and a dot after it: the shape of most stored addresses. */
function looksCanonical(v: string): boolean {
  let at = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    // No space, no capital, no ":" ("mailto:" is a repair), nothing outside printable ASCII.
    if (c <= 32 || c > 126 || (c >= 65 && c <= 90) || c === 58) return false;
    if (c === 64) {
      if (at >= 0) return false;
      at = i;
    }
  }
  return at > 0;
}

/** How sure a domain correction is: a misspelt top-level domain 0.8, one edit 0.75, two 0.6. */
function typoConfidence(from: string, to: string): number {
  const dot = from.lastIndexOf('.');
  if (dot > 0 && from.slice(0, dot) === to.slice(0, to.lastIndexOf('.')) && tldTypos[from.slice(dot + 1)]) return 0.8;
  return damerauLevenshtein(from, to, 2) <= 1 ? 0.75 : 0.6;
}

/**
 * Domains whose addresses need nothing when written canonically (known or
 * unremarkable, syntactically fine): the common case, remembered per domain.
 */
const fineDomains = new Map<string, boolean>();

function domainIsFine(domain: string): boolean {
  let fine = fineDomains.get(domain);
  if (fine === undefined) {
    // Judged through checkEmail with a plain local part: valid means the domain is usable and no typo.
    fine = checkEmail(`a@${domain}`).status === 'valid';
    if (fineDomains.size >= 50_000) fineDomains.clear();
    fineDomains.set(domain, fine);
  }
  return fine;
}

export function standardiseEmail(raw: string): Change | null {
  // A lower-case address with one "@" gets a proposal only for its domain (a typo or a repair needs a valid
  // local part too, so the full check decides those); with a fine domain there is nothing to say.
  if (looksCanonical(raw) && domainIsFine(raw.slice(raw.indexOf('@') + 1))) return null;
  return generalStandardiseEmail(raw);
}

/** standardiseEmail without the fast exit (exported for the differential test). */
export function generalStandardiseEmail(raw: string): Change | null {
  let v = raw.trim();
  let repaired = false;
  if (/^mailto:/i.test(v)) {
    v = v.slice(7).trim();
    repaired = true;
  }
  const lower = looksCanonical(v) ? v : v.toLowerCase();
  const c = checkEmail(lower);
  if (c.status === 'valid') {
    if (c.normalised === raw) return null;
    return change(c.normalised, repaired ? 'email_repair' : 'email_case', repaired ? 0.9 : 1);
  }
  if (c.status === 'typo') {
    const from = c.normalised.slice(c.normalised.lastIndexOf('@') + 1);
    const to = c.suggestion.slice(c.suggestion.lastIndexOf('@') + 1);
    return change(c.suggestion, 'email_domain_typo', typoConfidence(from, to), { domain: from, suggestion: to });
  }
  if (c.suggestion && c.suggestion !== raw) return change(c.suggestion.toLowerCase(), 'email_repair', 0.6);
  return null;
}
