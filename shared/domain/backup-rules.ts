/**
 * Backup rules both sides need. Kept free of zod: the renderer imports it,
 * and building zod schemas in the page probes `new Function`, which the
 * app's content security policy refuses (and reports in the console).
 */

/** New backups need a passphrase worth the name; restoring takes whatever the backup was made with. */
export const MIN_PASSPHRASE_LENGTH = 8;
