/**
 * A short, stable fingerprint of a text: two FNV-1a 32-bit hashes (the
 * second mixed differently), 16 hex digits. Used for ids that must be the
 * same every time the same content is seen: a header's saved mapping, an
 * imported row. Not cryptographic.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
