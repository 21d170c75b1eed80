import type { Command } from './args.ts';

/** `profile` and `audit` (issue 3). */
export const qualityCommands: Record<string, Command> = {};
