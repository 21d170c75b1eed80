/**
 * Exchange rates as a steward writes them, "USD=0.92, CNY=0.13": one unit of
 * each currency is worth that much of the base currency. Shared by the CLI's
 * --rates and the RFM view's field. Null when a part is not CODE=number.
 */
export function readRates(text: string): Record<string, number> | null {
  const rates: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!m || Number(m[2]) <= 0) return null;
    rates[m[1].toUpperCase()] = Number(m[2]);
  }
  return rates;
}
