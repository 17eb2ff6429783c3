// The current time, refreshed every second while `ticking`; timers are computed from it and the
// session's timestamps, so a missed tick (a background tab) never loses time.
import { useEffect, useState } from 'react'

export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    // A stale `now` before the first tick only means "as of the snapshot" (never negative time).
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [ticking])
  return now
}
