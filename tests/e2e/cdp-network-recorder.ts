/**
 * Records network requests at the DevTools-protocol level, independently of
 * Playwright's own request events.
 *
 * From one browser-level CDP session it discovers every target (pages, the
 * extension service worker, shared workers, …), attaches to each, enables the
 * Network domain there, and asks each target to auto-attach its children
 * (dedicated workers, out-of-process frames), which are paused until their
 * Network domain is on. Attachments use the non-flattened protocol: child
 * messages travel inside `Target.receivedMessageFromTarget` events, which is
 * what a plain Playwright CDPSession can carry.
 */
import type { CDPSession } from 'playwright-core';

export interface CdpRequest {
  url: string;
  method: string;
  /** `<target type> <target url>`, e.g. `service_worker chrome-extension://…/background.js` */
  from: string;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
}

/** Target types that are not a renderer or worker with its own network activity. */
const SKIPPED_TYPES = new Set(['browser', 'tab']);

class AttachedTarget {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  constructor(
    private readonly recorder: CdpNetworkRecorder,
    /** Session ids from the root session down to this target. */
    readonly path: readonly string[],
    readonly info: TargetInfo,
  ) {}

  get from(): string {
    return `${this.info.type} ${this.info.url}`;
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.recorder.nextId();
    let message = JSON.stringify({ id, method, params });
    for (let i = this.path.length - 1; i >= 1; i--) {
      const sessionId = this.path[i];
      message = JSON.stringify({ id: this.recorder.nextId(), method: 'Target.sendMessageToTarget', params: { sessionId, message } });
    }
    const reply = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.recorder.root.send('Target.sendMessageToTarget', { sessionId: this.path[0]!, message }).catch((error: Error) => {
      this.settle({ id, error: { message: error.message } });
    });
    return reply;
  }

  settle(message: CdpMessage): void {
    const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    this.pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  }

  abandon(): void {
    for (const waiter of this.pending.values()) waiter.reject(new Error(`target detached: ${this.from}`));
    this.pending.clear();
  }
}

export class CdpNetworkRecorder {
  private idCounter = 1_000_000;
  private readonly sessions = new Map<string, AttachedTarget>();
  private readonly attaching = new Set<string>();
  private readonly watched = new Map<string, Promise<void>>();
  private readonly listeners: Array<(request: CdpRequest) => void> = [];
  private closed = false;

  private constructor(readonly root: CDPSession) {}

  /** Starts recording; resolves once every target that already exists is watched. */
  static async start(root: CDPSession): Promise<CdpNetworkRecorder> {
    const recorder = new CdpNetworkRecorder(root);
    root.on('Target.targetCreated', ({ targetInfo }) => recorder.attachTopLevel(targetInfo));
    root.on('Target.receivedMessageFromTarget', ({ sessionId, message }) =>
      recorder.dispatch(sessionId, JSON.parse(message) as CdpMessage),
    );
    root.on('Target.detachedFromTarget', ({ sessionId }) => recorder.detach(sessionId ?? ''));
    await root.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await root.send('Target.getTargets');
    await Promise.all(targetInfos.map((info) => recorder.attachTopLevel(info)));
    return recorder;
  }

  nextId(): number {
    return this.idCounter++;
  }

  onRequest(listener: (request: CdpRequest) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Resolves when the target with this id has its Network domain enabled
   * (rejects after `timeoutMs`). Use it before navigating a fresh page.
   */
  async whenWatching(targetId: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.watched.has(targetId)) {
      if (Date.now() > deadline) throw new Error(`CDP recorder never attached to target ${targetId}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.watched.get(targetId);
  }

  /** What is being watched: `<type> <url>` of each attached target. */
  watchedTargets(): string[] {
    return [...this.sessions.values()].map((s) => s.from);
  }

  close(): void {
    this.closed = true;
    for (const session of this.sessions.values()) session.abandon();
    this.sessions.clear();
  }

  private async attachTopLevel(info: TargetInfo): Promise<void> {
    if (this.closed || SKIPPED_TYPES.has(info.type) || this.attaching.has(info.targetId)) return;
    this.attaching.add(info.targetId);
    let sessionId: string;
    try {
      ({ sessionId } = await this.root.send('Target.attachToTarget', { targetId: info.targetId, flatten: false }));
    } catch {
      return; // the target went away before we got to it
    }
    await this.watch(new AttachedTarget(this, [sessionId], info), false);
  }

  private async watch(target: AttachedTarget, waitingForDebugger: boolean): Promise<void> {
    this.sessions.set(target.path[target.path.length - 1]!, target);
    const ready = (async () => {
      await target.send('Network.enable').catch(() => undefined);
      // Children start paused so that their first request is not missed.
      await target
        .send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false })
        .catch(() => undefined);
      if (waitingForDebugger) await target.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    })();
    this.watched.set(target.info.targetId, ready);
    await ready;
  }

  private detach(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    session?.abandon();
    this.sessions.delete(sessionId);
  }

  private dispatch(sessionId: string, message: CdpMessage): void {
    const target = this.sessions.get(sessionId);
    if (!target) return;
    if (message.id !== undefined) {
      target.settle(message);
      return;
    }
    const params = message.params ?? {};
    switch (message.method) {
      case 'Network.requestWillBeSent': {
        const request = params['request'] as { url: string; method: string };
        // documentURL names the page or worker script making the request; the
        // target's own URL may still be the about:blank it was attached at.
        const documentUrl = params['documentURL'] as string | undefined;
        this.emit({ url: request.url, method: request.method, from: documentUrl ? `${target.info.type} ${documentUrl}` : target.from });
        break;
      }
      case 'Network.webSocketCreated':
        this.emit({ url: params['url'] as string, method: 'WEBSOCKET', from: target.from });
        break;
      case 'Target.attachedToTarget': {
        const childId = params['sessionId'] as string;
        const child = new AttachedTarget(this, [...target.path, childId], params['targetInfo'] as TargetInfo);
        void this.watch(child, params['waitingForDebugger'] === true);
        break;
      }
      case 'Target.receivedMessageFromTarget':
        this.dispatch(params['sessionId'] as string, JSON.parse(params['message'] as string) as CdpMessage);
        break;
      case 'Target.detachedFromTarget':
        this.detach(params['sessionId'] as string);
        break;
    }
  }

  private emit(request: CdpRequest): void {
    for (const listener of this.listeners) listener(request);
  }
}
