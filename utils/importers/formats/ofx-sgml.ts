/**
 * A tolerant reader of OFX/QFX text into a tree of elements, for both
 * dialects: OFX 1.x SGML (a "KEY:VALUE" header, leaf tags often left
 * unclosed: `<TRNAMT>-12.50` then the next tag) and OFX 2.x XML
 * (`<?xml …?><?OFX …?>`, every tag closed). Aggregates (elements holding
 * other elements) are closed in both; a leaf is an element followed by text.
 *
 * Each element keeps the physical line (1-based) of its opening tag. An
 * element the file never closes (the file was cut off) is marked `closed:
 * false`, and `unclosed` lists them outermost first.
 */

export interface OfxNode {
  /** Upper-case tag name ("STMTTRN"). */
  name: string;
  /** Physical line of the opening tag. */
  line: number;
  /** A leaf's text (entities decoded, trimmed); undefined for an aggregate. */
  value?: string;
  children: OfxNode[];
  /** False when the file ends before the element was closed. */
  closed: boolean;
}

export interface OfxTree {
  /** The <OFX> element. */
  root: OfxNode;
  /** The header fields: SGML "VERSION:102" lines or the attributes of <?OFX …?>. */
  header: Record<string, string>;
  /** Elements still open at the end of the file, outermost first. */
  unclosed: OfxNode[];
  /** The last line of the file that has any text. */
  lastLine: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

function readHeader(prefix: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const m of prefix.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:\s*(.*?)\s*$/gim)) header[m[1]!.toUpperCase()] = m[2]!;
  const pi = /<\?OFX([^?]*)\?>/i.exec(prefix);
  if (pi) for (const m of pi[1]!.matchAll(/([A-Z][A-Z0-9_]*)\s*=\s*"([^"]*)"/gi)) header[m[1]!.toUpperCase()] = m[2]!;
  return header;
}

/** Where the <OFX> element starts, or -1. */
export function findOfxStart(text: string): number {
  const m = /<OFX\s*>/i.exec(text);
  return m ? m.index : -1;
}

/** Counts line breaks (\r\n, \n or a lone \r) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * Reads the text into a tree. Returns a reason instead when there is no
 * <OFX> element at all.
 */
export function parseOfxTree(text: string): OfxTree | { error: string } {
  const start = findOfxStart(text);
  if (start < 0) return { error: 'the file has no <OFX> element: it is not an OFX or QFX statement' };
  const header = readHeader(text.slice(0, start));
  const root: OfxNode = { name: '#document', line: 1, children: [], closed: true };
  const stack: OfxNode[] = [root];
  let line = 1 + countBreaks(text, 0, start);
  let pos = start;
  /** The leaf whose text was just read: its closing tag, when it comes next, is consumed. */
  let justLeaf: OfxNode | null = null;

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      const chunk = text.slice(pos, chunkEnd);
      const trimmed = chunk.trim();
      if (trimmed !== '') {
        const top = stack[stack.length - 1]!;
        if (top !== root && top.children.length === 0 && top.value === undefined) {
          // Text right after an opening tag: the element is a leaf, closed or not.
          top.value = decode(trimmed);
          stack.pop();
          justLeaf = top;
        } else justLeaf = null; // stray text between aggregates: ignored
      }
      line += countBreaks(text, pos, chunkEnd);
    }
    if (lt < 0) break;
    const tagLine = line;
    // Comments, processing instructions and declarations are skipped.
    let endMark = '>';
    if (text.startsWith('<!--', lt)) endMark = '-->';
    else if (text.startsWith('<?', lt)) endMark = '?>';
    const gt = text.indexOf(endMark, lt + 1);
    const tagEnd = gt < 0 ? text.length : gt + endMark.length;
    line += countBreaks(text, lt, tagEnd);
    pos = tagEnd;
    if (endMark !== '>' || text[lt + 1] === '!') continue;
    if (gt < 0) break; // a tag cut off mid-way: the file ends here
    const inner = text.slice(lt + 1, gt).trim();
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toUpperCase();
      if (justLeaf && justLeaf.name === name) {
        justLeaf = null;
        continue;
      }
      justLeaf = null;
      let at = stack.length - 1;
      while (at > 0 && stack[at]!.name !== name) at--;
      if (at === 0) continue; // a closing tag with nothing to close: ignored
      // Elements above it were never closed explicitly; those with neither text nor children are empty leaves.
      while (stack.length > at) {
        const node = stack.pop()!;
        if (node.children.length === 0 && node.value === undefined) node.value = '';
      }
      continue;
    }
    justLeaf = null;
    const selfClosing = inner.endsWith('/');
    const name = (/^[^\s/>]+/.exec(inner)?.[0] ?? '').toUpperCase();
    if (name === '') continue;
    const node: OfxNode = { name, line: tagLine, children: [], closed: true };
    stack[stack.length - 1]!.children.push(node);
    if (selfClosing) node.value = '';
    else stack.push(node);
  }

  const unclosed = stack.slice(1);
  for (const node of unclosed) node.closed = false;
  const lastLine = 1 + countBreaks(text, 0, text.trimEnd().length);
  return { root: root.children[0]!, header, unclosed, lastLine };
}

/** The first direct child named `name`. */
export function child(node: OfxNode | undefined, name: string): OfxNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Follows a path of direct children ("INVBUY/INVTRAN/DTTRADE"). */
export function at(node: OfxNode | undefined, path: string): OfxNode | undefined {
  let cur = node;
  for (const part of path.split('/')) cur = child(cur, part);
  return cur;
}

/** A leaf's text along a path, or undefined when absent or empty. */
export function leaf(node: OfxNode | undefined, path: string): string | undefined {
  const value = at(node, path)?.value;
  return value === undefined || value === '' ? undefined : value;
}

/** Every element named one of `names` under `node` (depth first, document order), not looking inside a match. */
export function findAll(node: OfxNode, names: readonly string[]): OfxNode[] {
  const out: OfxNode[] = [];
  const walk = (n: OfxNode) => {
    for (const c of n.children) {
      if (names.includes(c.name)) out.push(c);
      else walk(c);
    }
  };
  walk(node);
  return out;
}
