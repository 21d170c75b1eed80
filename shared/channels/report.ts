import { z } from 'zod';
import { languages } from '../i18n/translate.ts';

/**
 * The client report (issue 12): one offline HTML file written by the
 * service to a path the user chose (the desktop's save dialog, or browser
 * mode's proposal in its projects folder), like the exports.
 */
export const ReportRequest = z.object({
  path: z.string().min(1, 'Choose where to save the report.'),
  lang: z.enum(languages as unknown as ['en', 'zh-CN']).default('en'),
  /** Names, emails, phones, addresses and birth dates masked wherever they appear. */
  mask: z.boolean().default(false),
}).strict();

export const reportChannels = {
  'report:write': { input: ReportRequest, output: z.object({ path: z.string(), bytes: z.number() }) },
} as const;
