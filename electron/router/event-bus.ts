/**
 * Typed events from the engine to whichever transport is attached (IPC window or WebSocket
 * clients). Payloads are parsed with the contract's schema before they leave, so an engine bug
 * cannot push an undeclared field (a key, a password) to the renderer.
 */
import { events, type EventName, type EventPayload } from '../../shared/contract';

export type EventSubscriber = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly subscribers = new Set<EventSubscriber>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const subscriber of this.subscribers) {
      try {
        subscriber(name, checked);
      } catch {
        // One broken transport (a closed socket) must not stop the others from hearing it.
      }
    }
  }

  subscribe(subscriber: EventSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}
