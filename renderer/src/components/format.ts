/** Dates and times in the UI language: the one formatter the HTML report uses too. */
export { formatDateTime } from '../../../shared/i18n/dates.ts';
