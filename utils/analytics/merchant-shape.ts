/**
 * The shape of a bank description: the description with each reference code
 * replaced by a stand-in, so "PURCHASE AUTHORIZED ON 11/02 CHIPOTLE AUSTIN TX
 * S385306742133475 CARD 1123" and the same line on 12/07 with another
 * reference share one shape ("… ON 000 CHIPOTLE AUSTIN TX A000 CARD 000").
 *
 * Why this is exact (merchants.ts relies on it): normalizeMerchant drops every
 * code word (three or more digits, or digits in two or more places) and looks
 * at a code only to ask "is it a code?" and "does it start with a digit?"
 * (after "#" or "STORE"). The stand-in keeps both answers: "000" for a code
 * starting with a digit, "A000" for one starting with a letter, "-000" for any
 * other start. Words with "#", "." or ":" are kept as they are, since the
 * normalizer reads inside those (store numbers, web addresses), and aliases are
 * matched only on the words before the first code (merchants.ts). Descriptions
 * with non-ASCII characters have no shape (they are normalized first).
 * Only results built from the words themselves are shared by shape: a
 * description that is all codes falls back to its own text and is never
 * shared (see merchants.ts).
 */

/** The description's shape, or undefined when it has no code word to replace. */
export function shapeOf(description: string): string | undefined {
  let out: string | undefined;
  let copied = 0;
  let start = -1;
  let digits = 0;
  let groups = 0;
  let letters = 0;
  let inDigits = false;
  let keep = false;
  const length = description.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? description.charCodeAt(i) : 32;
    if (c <= 32 || c === 42) {
      if (start >= 0 && !keep && (digits >= 3 || (letters > 0 && groups >= 2))) {
        const first = description.charCodeAt(start);
        const standIn = first >= 48 && first <= 57 ? '000' : isLetter(first) ? 'A000' : '-000';
        out = (out ?? '') + description.slice(copied, start) + standIn;
        copied = i;
      }
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      digits = 0;
      groups = 0;
      letters = 0;
      inDigits = false;
      keep = false;
    }
    if (c >= 48 && c <= 57) {
      digits++;
      if (!inDigits) groups++;
      inDigits = true;
    } else {
      inDigits = false;
      if (isLetter(c)) letters++;
      else if (c > 127) return undefined;
      else if (c === 35 || c === 46 || c === 58) keep = true;
    }
  }
  return out === undefined ? undefined : out + description.slice(copied);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
