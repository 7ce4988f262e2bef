type Listener = () => void;

/** A process-wide "something happened" with no payload: subscribe returns the unsubscribe function. */
export function createSignal(): { subscribe(listener: Listener): () => void; notify(): void } {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const listener of listeners) listener();
    },
  };
}
