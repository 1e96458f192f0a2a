/** What the table asks: was this entry removed after a list asked for at `requestedAt` (epoch ms; 0 when not known)? */
export type GoneView = { goneSince: (id: string, requestedAt: number) => boolean };

/**
 * The entries this tab saw removed (a bulk run's or a single delete's answer), and when. A list the
 * server was asked for before that moment still holds them: the table leaves them out of it, so a
 * row goes as its removal is acknowledged, not when the next list arrives. A list asked for
 * afterwards is the server's word (an entry restored since is listed again).
 */
export class GoneEntries {
  private goneAt = new Map<string, number>();
  private listeners = new Set<() => void>();
  private view = this.makeView();

  constructor(private readonly now: () => number = Date.now) {}

  mark(id: string) {
    this.goneAt.set(id, this.now());
    this.view = this.makeView();
    for (const listener of this.listeners) listener();
  }

  /** For React's useSyncExternalStore: a new view after every mark, the same one in between. */
  getSnapshot = (): GoneView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private makeView(): GoneView {
    return { goneSince: (id, requestedAt) => (this.goneAt.get(id) ?? -Infinity) >= requestedAt };
  }
}
