/**
 * A quality finding in words: its code's template in the reader's language
 * (issueMessage.<code> in shared/i18n/issue-message.*.ts) filled with its
 * parameters and its field. The renderer (through i18next), the HTML report
 * (any language) and the CLI and JSON audit (English) all say findings
 * through here, so there is one set of templates and no stored sentences.
 */
import type { IssueCode, IssueParamValue } from '../domain/issue-message.ts';
import type { Translate } from './translate.ts';

/** What saying a finding needs: as the contract carries it (RecordIssue) or as a report row reads it. */
export interface SayableIssue {
  field: string;
  code: IssueCode;
  params: Readonly<Record<string, IssueParamValue>>;
}

/** The finding's message; a code without a template comes out as its key ("issueMessage.x"), which the tests look for. */
export function issueText(t: Translate, issue: SayableIssue): string {
  const fieldName = t(`quality.fieldName.${issue.field}`, { defaultValue: issue.field });
  return t(`issueMessage.${issue.code}`, { ...issue.params, field: issue.field, fieldName });
}
