/**
 * Reading an untrusted page's DOM without trusting the page.
 *
 * A page can shadow DOM properties with its own markup ("DOM clobbering"):
 * `<form name="getElementById">` makes `document.getElementById` the form,
 * `<form><input name="attributes"></form>` makes `form.attributes` the input.
 * So nothing here reads a DOM property off the object itself: every getter
 * and method is looked up on the object's prototype chain (where the page's
 * markup cannot reach) and applied to the object. This works in the browser
 * and on linkedom's DOM in Node, whose classes keep a few fields
 * (`nodeType`, `localName`, `parentNode`) as plain own properties: a name
 * found on no prototype is read off the object, which is safe there because
 * linkedom has no named-property shadowing.
 *
 * Only text is ever read (nodeValue, attribute values); never innerHTML.
 */

const getPrototypeOf = Object.getPrototypeOf;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
/** `uncurry(fn)(target, a, b)` calls `fn` with `this = target`, without an arguments array. */
const uncurry = Function.prototype.bind.bind(Function.prototype.call) as <F extends (...args: never[]) => unknown>(
  fn: F,
) => (target: object, a?: unknown, b?: unknown) => unknown;

/** Reads a property, or calls a method with up to two arguments. */
type Reader = (target: object, a?: unknown, b?: unknown) => unknown;

/** proto → property name → how to read it there. */
const readersByProto = new WeakMap<object, Map<string, Reader>>();

function resolveReader(proto: object | null, name: string, method = false): Reader {
  for (let p = proto; p !== null; p = getPrototypeOf(p) as object | null) {
    const descriptor = getOwnPropertyDescriptor(p, name);
    if (descriptor === undefined) continue;
    const { get, value } = descriptor;
    if (get !== undefined) return uncurry(get);
    if (typeof value === 'function') return uncurry(value as (...args: never[]) => unknown);
    // A plain value on a prototype (a constant, or Array.prototype.length under linkedom's
    // array-based NamedNodeMap): the object's own plain value of that name wins.
    return (target) => {
      const own = getOwnPropertyDescriptor(target, name);
      return own !== undefined && 'value' in own && typeof own.value !== 'function' ? own.value : value;
    };
  }
  // A method must come from a prototype; never call (or return) what the page put on the object.
  if (method) return () => undefined;
  // Not on any prototype: a plain field (linkedom keeps nodeType, localName, parentNode so).
  return (target) => (target as Record<string, unknown>)[name];
}

function readerFor(target: object, name: string, method: boolean): Reader {
  const proto = getPrototypeOf(target) as object | null;
  if (proto === null) return resolveReader(null, name, method);
  let table = readersByProto.get(proto);
  if (table === undefined) {
    table = new Map();
    readersByProto.set(proto, table);
  }
  const key = method ? `()${name}` : name;
  let reader = table.get(key);
  if (reader === undefined) {
    reader = resolveReader(proto, name, method);
    table.set(key, reader);
  }
  return reader;
}

/** A property (getter) read through the prototype chain. */
export function prop(target: object, name: string): unknown {
  return readerFor(target, name, false)(target);
}

/** A method (with up to two arguments) called through the prototype chain; undefined when it does not exist. */
export function callMethod(target: object, name: string, a?: unknown, b?: unknown): unknown {
  return readerFor(target, name, true)(target, a, b);
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * The node operations the tree walk needs, resolved once (per prototype, or
 * once for the whole tree in a browser), so a walk makes direct calls.
 */
export interface NodeOps {
  nodeType(node: object): number;
  firstChild(node: object): Node | null;
  nextSibling(node: object): Node | null;
  nodeValue(node: object): string | null;
  /** Elements only. */
  localName(node: object): string | null;
  /** Elements only: an open shadow root, or null. */
  shadowRoot(node: object): Node | null;
  /** Elements only: the class attribute ("" when none; an SVG element's is not a string: ""). */
  className(node: object): string;
}

const opsByProto = new WeakMap<object, NodeOps>();

function makeOps(proto: object): NodeOps {
  const r = (name: string) => resolveReader(proto, name);
  const nodeType = r('nodeType');
  const firstChild = r('firstChild');
  const nextSibling = r('nextSibling');
  const nodeValue = r('nodeValue');
  const localName = r('localName');
  const shadowRoot = r('shadowRoot');
  const className = r('className');
  return {
    nodeType: (n) => nodeType(n) as number,
    firstChild: (n) => (firstChild(n) as Node | null | undefined) ?? null,
    nextSibling: (n) => (nextSibling(n) as Node | null | undefined) ?? null,
    nodeValue: (n) => (nodeValue(n) as string | null | undefined) ?? null,
    localName: (n) => (localName(n) as string | null | undefined) ?? null,
    shadowRoot: (n) => {
      const root = shadowRoot(n);
      return root !== null && typeof root === 'object' ? (root as Node) : null;
    },
    className: (n) => {
      const value = className(n);
      return typeof value === 'string' ? value : '';
    },
  };
}

export function nodeOps(node: object): NodeOps {
  const proto = getPrototypeOf(node) as object | null;
  if (proto === null) return makeOps(Object.prototype);
  let ops = opsByProto.get(proto);
  if (ops === undefined) {
    ops = makeOps(proto);
    opsByProto.set(proto, ops);
  }
  return ops;
}

type DomClass = (abstract new () => object) & { prototype: object };
interface BrowserGlobals {
  Node?: DomClass;
  Element?: DomClass;
}

let browserOpsCache: NodeOps | null | undefined;

/**
 * In a browser: the operations taken from this realm's own Node / Element
 * prototypes, as constant functions (one shape for every
 * node, so the engine calls them directly). Null outside a browser.
 */
function browserOps(): NodeOps | null {
  if (browserOpsCache !== undefined) return browserOpsCache;
  const g = globalThis as BrowserGlobals;
  if (typeof g.Node !== 'function' || typeof g.Element !== 'function') return (browserOpsCache = null);
  const getter = (proto: object, name: string) => {
    const get = getOwnPropertyDescriptor(proto, name)?.get;
    if (get === undefined) throw new Error(`no ${name} getter`);
    return uncurry(get);
  };
  try {
    const node = g.Node.prototype;
    const element = g.Element.prototype;
    const nodeType = getter(node, 'nodeType');
    const firstChild = getter(node, 'firstChild');
    const nextSibling = getter(node, 'nextSibling');
    const nodeValue = getter(node, 'nodeValue');
    const localName = getter(element, 'localName');
    const shadowRoot = getter(element, 'shadowRoot');
    const className = getter(element, 'className');
    // The prototype functions themselves (no wrapper): these getters already return the declared types.
    browserOpsCache = {
      nodeType: nodeType as NodeOps['nodeType'],
      firstChild: firstChild as NodeOps['firstChild'],
      nextSibling: nextSibling as NodeOps['nextSibling'],
      nodeValue: nodeValue as NodeOps['nodeValue'],
      localName: localName as NodeOps['localName'],
      shadowRoot: shadowRoot as NodeOps['shadowRoot'],
      className: (n) => {
        const value = className(n);
        return typeof value === 'string' ? value : '';
      },
    };
  } catch {
    browserOpsCache = null;
  }
  return browserOpsCache;
}

/**
 * How to read the nodes of the tree under `root`: the browser's own
 * prototype functions when `root` is a node of this realm, else per
 * prototype (linkedom, or a node from another realm).
 */
export function treeOps(root: object): (node: object) => NodeOps {
  const ops = browserOps();
  const g = globalThis as BrowserGlobals;
  if (ops !== null && g.Node !== undefined && Object.prototype.isPrototypeOf.call(g.Node.prototype, root)) return () => ops;
  return nodeOps;
}

function nodeTypeOf(node: object): number {
  return nodeOps(node).nodeType(node);
}

function firstChildOf(node: object): Node | null {
  return nodeOps(node).firstChild(node);
}

function nextSiblingOf(node: object): Node | null {
  return nodeOps(node).nextSibling(node);
}

function parentNodeOf(node: object): Node | null {
  return (prop(node, 'parentNode') as Node | null | undefined) ?? null;
}

/** Lower-case tag name ("div", "td"); "" for a node that is not an element. */
export function tagOf(node: object): string {
  const name = nodeOps(node).localName(node);
  return typeof name === 'string' ? name.toLowerCase() : '';
}

export function getAttr(element: object, name: string): string | null {
  const value = callMethod(element, 'getAttribute', name);
  return typeof value === 'string' ? value : null;
}

/** The element's parent element, or null at the top (or at a document/fragment). */
export function parentElementOf(node: object): Element | null {
  const parent = parentNodeOf(node);
  return parent !== null && nodeTypeOf(parent) === ELEMENT_NODE ? (parent as Element) : null;
}

/** Every text node value under `node`, concatenated (like textContent, from the prototype). */
export function textContentOf(node: object): string {
  const value = prop(node, 'textContent');
  return typeof value === 'string' ? value : '';
}

// ---------------------------------------------------------------- CSS paths

/** Escapes a tag name for a CSS selector (tag names are nearly always [a-z0-9-]). */
function cssIdent(name: string): string {
  if (/^[a-z][a-z0-9-]*$/.test(name)) return name;
  let out = '';
  for (const ch of name) {
    out += /[a-zA-Z0-9_-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return out;
}

/** Separates the path to a shadow host from the path inside its (open) shadow root. */
export const SHADOW_SEPARATOR = ' >>> ';

/** The position of `element` among the element children of `parent` with the same tag (1-based). */
function nthOfType(parent: Node, element: Node, tag: string): number {
  let index = 1;
  for (let sibling = firstChildOf(parent); sibling !== null && sibling !== element; sibling = nextSiblingOf(sibling)) {
    if (nodeTypeOf(sibling) === ELEMENT_NODE && tagOf(sibling) === tag) index++;
  }
  return index;
}

/**
 * A CSS path to `element` from the top of its document: tag names and
 * :nth-of-type only (class names are generated and change with every
 * release; ids are the page's to choose), e.g.
 * "html > body:nth-of-type(1) > main:nth-of-type(1) > dl:nth-of-type(2) > dd:nth-of-type(1)",
 * which `document.querySelector` resolves. An element inside an open shadow
 * root gets its host's path, " >>> ", then its path inside the shadow root
 * (resolvePath follows it; querySelector cannot).
 */
export function cssPath(element: Element): string {
  const segments: string[] = [];
  let steps: string[] = [];
  let current: Node = element;
  for (;;) {
    const tag = tagOf(current);
    const parent = parentNodeOf(current);
    const parentType = parent === null ? 0 : nodeTypeOf(parent);
    if (parent !== null && parentType === ELEMENT_NODE) {
      steps.push(`${cssIdent(tag)}:nth-of-type(${nthOfType(parent, current, tag)})`);
      current = parent;
      continue;
    }
    const host = parent !== null && parentType === DOCUMENT_FRAGMENT_NODE ? prop(parent, 'host') : null;
    if (parent !== null && host !== null && typeof host === 'object') {
      steps.push(`${cssIdent(tag)}:nth-of-type(${nthOfType(parent, current, tag)})`);
      segments.push(steps.reverse().join(' > '));
      steps = [];
      current = host as Node;
      continue;
    }
    steps.push(cssIdent(tag));
    segments.push(steps.reverse().join(' > '));
    break;
  }
  return segments.reverse().join(SHADOW_SEPARATOR);
}

/** The shape cssPath produces (and taught rules store): tags and :nth-of-type steps only. */
const STEP = String.raw`[a-z0-9\\ -]+(?::nth-of-type\(\d{1,5}\))?`;
const CSS_PATH_SHAPE = new RegExp(`^${STEP}(?:(?: > |${SHADOW_SEPARATOR})${STEP})*$`, 'i');
const STEP_PARTS = /^(.+?)(?::nth-of-type\((\d{1,5})\))?$/;

function unescapeIdent(ident: string): string {
  return ident.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** The `nth` element child of `parent` with `tag` (1-based). */
function nthChild(parent: Node, tag: string, nth: number): Element | null {
  let seen = 0;
  for (let child = firstChildOf(parent); child !== null; child = nextSiblingOf(child)) {
    if (nodeTypeOf(child) === ELEMENT_NODE && tagOf(child) === tag && ++seen === nth) return child as Element;
  }
  return null;
}

/**
 * The element a path from cssPath names, or null (also for a path not in
 * cssPath's shape). Followed step by step from the document (through open
 * shadow roots at " >>> "); with an element as root, the element found must
 * be inside it.
 */
export function resolvePath(root: Document | Element, path: string): Element | null {
  if (path.length === 0 || path.length > 4000 || !CSS_PATH_SHAPE.test(path)) return null;
  const isDocument = nodeTypeOf(root) === DOCUMENT_NODE;
  const doc = isDocument ? root : (prop(root, 'ownerDocument') as Document | null);
  if (doc === null || typeof doc !== 'object') return null;
  let context: Node = doc;
  let found: Element | null = null;
  const segments = path.split(SHADOW_SEPARATOR);
  for (let s = 0; s < segments.length; s++) {
    if (s > 0) {
      const shadow = found === null ? null : prop(found, 'shadowRoot');
      if (shadow === null || typeof shadow !== 'object') return null;
      context = shadow as Node;
    }
    const steps = segments[s]!.split(' > ');
    for (let i = 0; i < steps.length; i++) {
      const parts = STEP_PARTS.exec(steps[i]!);
      if (parts === null) return null;
      const tag = unescapeIdent(parts[1]!).toLowerCase();
      const nth = parts[2] === undefined ? 1 : Number(parts[2]);
      if (s === 0 && i === 0 && context === doc) {
        const top = prop(doc, 'documentElement') as Element | null;
        found = top !== null && tagOf(top) === tag ? top : null;
      } else {
        found = nthChild(i === 0 ? context : found!, tag, nth);
      }
      if (found === null) return null;
    }
  }
  if (found !== null && !isDocument && found !== root && callMethod(root, 'contains', found) !== true) return null;
  return found;
}
