/**
 * What a quality finding says, as data: a message code and its parameters.
 * The engine produces and stores these; the words are made at the edge, in
 * the reader's language, from one template per code and language
 * (shared/i18n/issue-message.*.ts, rendered by shared/i18n/issue-text.ts).
 *
 * The finding's field is not a parameter: every finding carries it, and the
 * templates are given it (as `field`, the key, and `fieldName`, translated).
 * `value` is always the offending value as the record holds it (trimmed).
 */

/** The parameters of each message code. */
export interface IssueParams {
  // A placeholder instead of a value (completeness).
  placeholder: { value: string };
  placeholderAddress: { value: string };
  standInName: { value: string };
  keyboardFiller: { value: string };
  testData: { value: string };
  repeatsDigit: { value: string };
  digitSequence: { value: string };
  // Names.
  nameHoldsEmail: { value: string };
  containsDigits: { value: string };
  noLetters: { value: string };
  repeatsCharacter: { value: string };
  // Email syntax and domains.
  containsSpaces: { value: string };
  noAt: { value: string };
  severalAt: { value: string };
  noLocalPart: { value: string };
  badLocalPart: { value: string; part: string };
  noDomain: { value: string };
  longDomain: { value: string };
  noTopLevel: { value: string; domain: string };
  emptyDomainPart: { value: string; domain: string };
  badDomainCharacters: { value: string; domain: string };
  badTopLevel: { value: string; tld: string };
  emailTypo: { value: string; domain: string; suggestion: string };
  // Phones.
  containsLetters: { value: string };
  fewDigits: { value: string; n: number };
  manyDigits: { value: string; n: number };
  /** `where`: an ISO country, or "+<calling code>" for an international number of no known country. */
  notValidFor: { value: string; where: string };
  notValidInternational: { value: string };
  notPhoneIn: { value: string; country: string };
  /** `countries`: the countries tried, as "US, DE". */
  notValidAnywhere: { value: string; countries: string };
  landline: { value: string };
  countryCode: { value: string; code: string; country: string; expected: string };
  // Postcodes.
  postcodeTooShort: { value: string; country: string };
  notPostcodeOf: { value: string; country: string };
  /** `fits`: up to four countries whose format the postcode has, as "GB, IE". */
  postcodeOfOtherCountry: { value: string; country: string; fits: string };
  // Dates, amounts, countries, genders.
  notDate: { value: string };
  birthDateFuture: { value: string };
  ageImplausible: { value: string; age: number };
  dateFuture: { value: string };
  notAmount: { value: string };
  incomeNegative: { value: string };
  /** `value` and `median` formatted with thousands separators, `z` with one decimal. */
  incomeAbove: { value: string; median: string; z: string };
  incomeBelow: { value: string; median: string; z: string };
  notCountry: { value: string };
  notGender: { value: string };
  // Accuracy against verified values.
  recordedWithoutReference: { value: string };
  differsFromReference: { value: string; reference: string };
  referenceMissing: { reference: string };
  // Run-wide findings (flag rows and post-pass).
  missing: Record<string, never>;
  /** `format`: the name of the column's dominant format in the record's file. */
  format: { format: string };
  sameEmail: { customer: number };
  /** The field (phone or mobile) says which number. */
  sameNumber: { customer: number };
  stale: { days: number; window: number };
  noUpdateDate: Record<string, never>;
  recordIdRepeated: { value: string; customer: number };
  /** `usual`: the place most customers with the postcode give, `agreeing` of `total` of them. */
  placeMismatch: { value: string; usual: string; agreeing: number; total: number; postcode: string };
  // Entities of the duplicate matching.
  /** `probability` with three decimals. */
  probableDuplicate: { customer: number; file: string; probability: string };
  differsAcrossSources: { value: string; other: string; customer: number; file: string };
  /** A finding stored by a version before message codes: its English sentence, shown as it was written. */
  legacyText: { text: string };
}

export type IssueCode = keyof IssueParams;

/** A finding's message: a code with exactly its parameters. */
export type IssueMessage = { [C in IssueCode]: { code: C; params: IssueParams[C] } }[IssueCode];

/** Parameter values as they travel and are stored (JSON). */
export type IssueParamValue = string | number;

const codeSet = {
  placeholder: 1, placeholderAddress: 1, standInName: 1, keyboardFiller: 1, testData: 1, repeatsDigit: 1, digitSequence: 1,
  nameHoldsEmail: 1, containsDigits: 1, noLetters: 1, repeatsCharacter: 1,
  containsSpaces: 1, noAt: 1, severalAt: 1, noLocalPart: 1, badLocalPart: 1, noDomain: 1, longDomain: 1, noTopLevel: 1,
  emptyDomainPart: 1, badDomainCharacters: 1, badTopLevel: 1, emailTypo: 1,
  containsLetters: 1, fewDigits: 1, manyDigits: 1, notValidFor: 1, notValidInternational: 1, notPhoneIn: 1, notValidAnywhere: 1,
  landline: 1, countryCode: 1,
  postcodeTooShort: 1, notPostcodeOf: 1, postcodeOfOtherCountry: 1,
  notDate: 1, birthDateFuture: 1, ageImplausible: 1, dateFuture: 1, notAmount: 1, incomeNegative: 1, incomeAbove: 1, incomeBelow: 1,
  notCountry: 1, notGender: 1,
  recordedWithoutReference: 1, differsFromReference: 1, referenceMissing: 1,
  missing: 1, format: 1, sameEmail: 1, sameNumber: 1, stale: 1, noUpdateDate: 1, recordIdRepeated: 1, placeMismatch: 1,
  probableDuplicate: 1, differsAcrossSources: 1, legacyText: 1,
} satisfies Record<IssueCode, 1>;

/** Every code, for the contract's schema (the `satisfies` above keeps it equal to IssueParams). */
export const issueCodes = Object.keys(codeSet) as [IssueCode, ...IssueCode[]];

/** Codes whose message quotes the value. */
type ValueCode = { [C in IssueCode]: IssueParams[C] extends { value: string } ? C : never }[IssueCode];

/**
 * What a validator (main/standardize) says is wrong with a value, without
 * the value itself, which its caller holds: `{ code: 'badTopLevel', tld: 'c0m' }`.
 */
export type ValueProblem = { [C in ValueCode]: { code: C } & Omit<IssueParams[C], 'value'> }[ValueCode];

/** A validator's problem as the finding's message about `value`. */
export function withValue(problem: ValueProblem, value: string): IssueMessage {
  const { code, ...rest } = problem;
  return { code, params: { value, ...rest } } as IssueMessage;
}
