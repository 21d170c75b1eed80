import type { Command } from './args.ts';

/** `dedupe` (issue 4). */
export const matchCommands: Record<string, Command> = {};
