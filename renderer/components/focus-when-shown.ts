// Moves focus to an element that may not be on the page yet: a screen that loads when first opened,
// an entry still being read, a repository just added. Waits for it (a bounded time), then focuses it,
// unless the leader has put focus somewhere else meanwhile; so keyboard and screen-reader users land
// on the heading or item the action produced, never on the page body.

/** How long an element is waited for before giving up. */
const WAIT_MS = 5_000

/** Focuses the element with `id` once it is shown (a heading gets tabindex -1 to take focus); answers a function that stops waiting. */
export function focusWhenShown(id: string): () => void {
  const before = document.activeElement
  // Focus moved by the leader (not lost to the body, not still where the action was) is left alone.
  const untouched = () => {
    const now = document.activeElement
    return now === null || now === document.body || now === before
  }
  /** Whether there is nothing more to wait for: focus is there, or the leader moved it elsewhere. */
  const tryFocus = (): boolean => {
    if (!untouched()) return true
    // The id may still name the screen being left, kept hidden while the next one loads: focus does not take there.
    const element = document.getElementById(id)
    if (!element || !element.checkVisibility()) return false
    if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) element.setAttribute('tabindex', '-1')
    element.focus({ preventScroll: true })
    element.scrollIntoView({ block: 'nearest' })
    return document.activeElement === element
  }
  if (tryFocus()) return () => undefined
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop()
  })
  const timer = setTimeout(() => stop(), WAIT_MS)
  const stop = (): void => {
    observer.disconnect()
    clearTimeout(timer)
  }
  observer.observe(document.body, { childList: true, subtree: true })
  return stop
}
