/**
 * A quality finding in words: its code's template in the reader's language
 * (issueMessage.<code> in shared/i18n/issue-message.*.ts) filled with its
 * parameters and its field. The renderer (through i18next), the HTML report
 * (any language) and the CLI and JSON audit (English) all say findings
 * through here, so there is one set of templates and no stored sentences.
 */
import type { IssueCode, IssueParamValue } from '../domain/issue-message.ts';
import type { Translate } from './translate.ts';

/** A finding's message as the contract carries it (CodedMessage) or as a report reads it from the store. */
export interface SayableMessage {
  code: IssueCode;
  params: Readonly<Record<string, IssueParamValue>>;
}

/**
 * The message of a finding about `field`, in t's language. A code without a
 * template comes out as its key ("issueMessage.x"), which the tests look for.
 */
export function issueText(t: Translate, field: string, message: SayableMessage): string {
  const fieldName = t(`quality.fieldName.${field}`, { defaultValue: field });
  return t(`issueMessage.${message.code}`, { ...message.params, field, fieldName });
}
