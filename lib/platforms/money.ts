/**
 * Money conversion between integer minor units (what the app stores) and the platforms' formats.
 * Decimal strings are converted exactly (no binary floating point on the way), rounding half away
 * from zero when the platform sends more digits than the currency has (e.g. Meta spend "12.345").
 */

/** ISO 4217 currencies whose minor unit is not 1/100. Everything else has 2 decimals. */
const ZERO_DECIMAL = new Set([
  "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

export function currencyExponent(currency: string | null | undefined): number {
  const c = (currency ?? "USD").toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** "12.34" (major units) → 1234 (minor units). Accepts numbers too. Throws on garbage. */
export function decimalToMinor(value: string | number, currency?: string | null): number {
  const exp = currencyExponent(currency);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
    // toPrecision(15) removes float noise such as 0.1 + 0.2 before scaling
    return roundHalfAwayFromZero(Number((value * 10 ** exp).toPrecision(15)));
  }
  const s = value.trim();
  const m = DECIMAL_RE.exec(s);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) {
    const n = Number(s);
    if (s !== "" && Number.isFinite(n)) return decimalToMinor(n, currency); // e.g. "1e-3"
    throw new RangeError(`not a decimal amount: ${JSON.stringify(value)}`);
  }
  const sign = m[1] === "-" ? -1 : 1;
  const intPart = m[2] === "" ? "0" : m[2];
  const frac = m[3] ?? "";
  const kept = frac.slice(0, exp).padEnd(exp, "0");
  const rest = frac.slice(exp);
  let minor = Number(intPart + kept);
  if (rest.length > 0 && rest.charCodeAt(0) >= 53 /* '5' */) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount out of range: ${value}`);
  return sign * minor === 0 ? 0 : sign * minor;
}

/** 1234 → "12.34"; 1000 JPY → "1000". */
export function minorToDecimalString(minor: number, currency?: string | null): string {
  assertMinor(minor);
  const exp = currencyExponent(currency);
  const neg = minor < 0;
  const digits = String(Math.abs(minor));
  if (exp === 0) return (neg ? "-" : "") + digits;
  const padded = digits.padStart(exp + 1, "0");
  return `${neg ? "-" : ""}${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
}

/** 1234 → 12.34 (a JS number, for APIs such as TikTok that take floats in whole currency units). */
export function minorToMajor(minor: number, currency?: string | null): number {
  return Number(minorToDecimalString(minor, currency));
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer number of minor units, got ${minor}`);
}

function roundHalfAwayFromZero(n: number): number {
  const r = Math.sign(n) * Math.round(Math.abs(n));
  return r === 0 ? 0 : r;
}
