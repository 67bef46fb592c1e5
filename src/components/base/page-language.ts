import type { ReactiveElement } from 'lit';

/** Elements that take their language from the page; re-rendered when `<html lang>` changes. */
const followers = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

/**
 * Makes `element` render again whenever the page's `<html lang>` changes (a portal's language
 * switch), with one MutationObserver shared by every element on the page.
 */
export const followPageLanguage = (element: ReactiveElement): void => {
  followers.add(element);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const follower of followers) follower.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
};

/** Stops following; the observer is dropped when no element is left. */
export const unfollowPageLanguage = (element: ReactiveElement): void => {
  followers.delete(element);
  if (followers.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
};
