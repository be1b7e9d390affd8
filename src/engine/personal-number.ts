// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer)
// must not end up in a case reference: it names files, lists and logs. Pure.

// 10 or 12 digits, the last four optionally after "-" or "+" (the plus marks 100 years or more).
const CANDIDATE = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{3})(\d)(?!\d)/g;

/** Luhn check digit over the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const p = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * True when the text contains something that is a personal identity number or a coordination
 * number (day + 60): a plausible month and day, and a valid check digit. A journal number such as
 * "2026-1234" or "SN 2026/0815" is not.
 */
export function containsPersonalNumber(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    const [, century, yy, mm, dd, serial, check] = m as unknown as [string, string | undefined, string, string, string, string, string];
    if (century !== undefined && !['18', '19', '20'].includes(century)) continue;
    const month = Number(mm);
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) === Number(check)) return true;
  }
  return false;
}
