/** Progress on stderr, only for a person at a terminal: scripts and --json output stay clean. */
export function progressPrinter(quiet: boolean): (p: { step: string; file?: string; done: number; total: number; rows?: number }) => void {
  if (quiet || !process.stderr.isTTY) return () => {};
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    const share = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
    process.stderr.write(`\r${p.step} ${p.file ?? ''} ${share}% ${p.rows ? `${p.rows.toLocaleString()} rows` : ''}   `);
  };
}
