import type { Context } from '@lit/context';
import type { ReactiveElement } from 'lit';

/**
 * A field that follows a value provided above the element (by `<care-context>`), through the
 * community context protocol: when the element connects it asks with a `context-request` event;
 * the nearest provider answers at once and again on every change; a nearer provider that appears
 * later takes over (the old subscription ends); leaving the page ends the subscription. This is
 * what `@consume({ context, subscribe: true })` of @lit/context does, without the one-time reads
 * and the standard-decorator form the elements never use.
 */
export const follow =
  (context: Context<unknown, unknown>) =>
  (proto: ReactiveElement, name: PropertyKey): void => {
    (proto.constructor as typeof ReactiveElement).addInitializer((element) => {
      let unsubscribe: (() => void) | undefined;
      const callback = (value: unknown, stop?: () => void) => {
        if (unsubscribe && unsubscribe !== stop) unsubscribe();
        unsubscribe = stop;
        (element as unknown as Record<PropertyKey, unknown>)[name] = value;
      };
      element.addController({
        hostConnected: () => {
          const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), { context, contextTarget: element, callback, subscribe: true });
          element.dispatchEvent(request);
        },
        hostDisconnected: () => {
          unsubscribe?.();
          unsubscribe = undefined;
        },
      });
    });
  };
