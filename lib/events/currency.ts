/**
 * ISO 4217 currency helpers: money is stored as integer minor units.
 *
 * Exponents follow ISO 4217 (not CLDR display digits, which say e.g. 0 for HUF cash):
 * 0 for JPY, KRW, CLP, VND, ..., 3 for BHD, KWD, OMR, JOD, IQD, LYD, TND, 4 for CLF/UYW,
 * 2 for every other code. Codes are validated against the runtime's ISO list
 * (`Intl.supportedValuesOf("currency")`) so a typo like "USS" is rejected.
 */

const ZERO_DECIMAL = new Set([
  "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
const FOUR_DECIMAL = new Set(["CLF", "UYW"]);

let knownCodes: Set<string> | null = null;
function isoCodes(): Set<string> {
  if (!knownCodes) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    knownCodes = new Set(intl.supportedValuesOf ? intl.supportedValuesOf("currency") : []);
    for (const c of [...ZERO_DECIMAL, ...THREE_DECIMAL, ...FOUR_DECIMAL, "USD", "EUR", "GBP"]) knownCodes.add(c);
  }
  return knownCodes;
}

/** Upper-cases and validates; returns null for anything that is not a known ISO 4217 code. */
export function normalizeCurrency(code: unknown): string | null {
  if (typeof code !== "string") return null;
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return null;
  return isoCodes().has(c) ? c : null;
}

export function currencyExponent(currency: string): number {
  const c = currency.toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  if (FOUR_DECIMAL.has(c)) return 4;
  return 2;
}

export type MinorUnitsResult = { ok: true; amountMinor: number } | { ok: false; reason: string };

/**
 * Converts a major-unit amount (number or numeric string, e.g. `9.99`, `"1,5"` is NOT accepted)
 * to integer minor units without binary floating-point error: the number's shortest decimal
 * representation is scaled as a string. Extra precision is rounded half away from zero
 * (9.995 USD → 1000). Negative amounts are allowed (refund events). Results beyond
 * Number.MAX_SAFE_INTEGER are rejected.
 */
export function toMinorUnits(amount: number | string, currency: string): MinorUnitsResult {
  let text: string;
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) return { ok: false, reason: "amount must be a finite number" };
    text = String(amount);
  } else {
    text = amount.trim();
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return { ok: false, reason: `"${text}" is not a decimal number` };
  const negative = m[1] === "-";
  let digits = (m[2] || "") + (m[3] || "");
  // position of the decimal point counted from the left of `digits`
  let point = (m[2] || "").length + (m[4] ? parseInt(m[4], 10) : 0) + currencyExponent(currency);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (digits.length < point) digits = digits + "0".repeat(point - digits.length);
  const intPart = digits.slice(0, point) || "0";
  const roundDigit = digits.charCodeAt(point) - 48; // NaN when no more digits
  let minor = BigInt(intPart);
  if (roundDigit >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "amount is too large" };
  const n = Number(minor);
  return { ok: true, amountMinor: negative && n !== 0 ? -n : 0 + n };
}

/** Minor units → major-unit number (for payloads such as Meta `custom_data.value`). */
export function fromMinorUnits(amountMinor: number, currency: string): number {
  const exp = currencyExponent(currency);
  return Number((amountMinor / 10 ** exp).toFixed(exp));
}
