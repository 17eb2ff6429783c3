// A store that follows backend events only once its screen has loaded (the journal screens follow
// 'journal.changed'): the subscription is made on the first call and never again.
export function onFirstCall(subscribe: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    subscribe()
  }
}
