// The time zones the weekly slot may use, found the way people type them: any case, spaces for
// underscores, a city alone ("paris", "new york"), a region ("europe/"). Pure over the list it is given
// (the browser's own, Intl.supportedValuesOf, in the app).

/** The zones this browser knows, with UTC (which Intl leaves out of its list though it accepts it). */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return zones.includes('UTC') ? [...zones] : ['UTC', ...zones]
}

/** "New York" and "new_york" read alike; case never matters. */
const fold = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_')

const cityOf = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1)

/**
 * The zones whose name holds what was typed, best first: the zone itself, then a city that starts
 * with it, then a name that starts with it, then any other that holds it. All of them for nothing typed.
 */
export function matchTimeZones(typed: string, zones: readonly string[], limit = 50): string[] {
  const query = fold(typed)
  if (!query) return zones.slice()
  const rank = (zone: string): number => {
    const name = fold(zone)
    if (name === query) return 0
    if (fold(cityOf(zone)).startsWith(query)) return 1
    if (name.startsWith(query)) return 2
    return name.includes(query) ? 3 : -1
  }
  return zones
    .map((zone) => ({ zone, rank: rank(zone) }))
    .filter((match) => match.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone))
    .slice(0, limit)
    .map((match) => match.zone)
}

/**
 * The zone meant by what was typed, spelled as the list spells it: the same name in any case (with
 * spaces for underscores), or the one zone whose city it names. Otherwise what was typed, trimmed
 * (the form then says whether it is a zone at all).
 */
export function resolveTimeZone(typed: string, zones: readonly string[]): string {
  const query = fold(typed)
  const same = zones.find((zone) => fold(zone) === query)
  if (same) return same
  const cities = zones.filter((zone) => fold(cityOf(zone)) === query)
  return cities.length === 1 ? cities[0]! : typed.trim()
}

/** The zone's offset from UTC now, as "GMT+1" (empty when the browser cannot say). */
export function offsetOf(zone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now)
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
  } catch {
    return ''
  }
}

/** offsetOf at `now`, remembered per zone (the list asks again for each shown zone on every keystroke). */
export function rememberedOffsets(now: Date): (zone: string) => string {
  const known = new Map<string, string>()
  return (zone) => {
    let offset = known.get(zone)
    if (offset === undefined) known.set(zone, (offset = offsetOf(zone, now)))
    return offset
  }
}
