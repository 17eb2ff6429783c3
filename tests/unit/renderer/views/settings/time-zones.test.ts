import { describe, expect, it } from 'vitest'
import { knownTimeZones, matchTimeZones, resolveTimeZone } from '../../../../../renderer/views/settings/time-zones.ts'

const ZONES = [
  'UTC',
  'America/New_York',
  'America/North_Dakota/New_Salem',
  'Asia/Tokyo',
  'Europe/Paris',
  'Europe/Berlin',
  'Pacific/Port_Moresby',
]

describe('time zones as typed', () => {
  it('offers UTC with the zones the runtime knows', () => {
    const zones = knownTimeZones()
    expect(zones).toContain('UTC')
    expect(zones).toContain('Europe/Paris')
  })

  it('matches any case, spaces for underscores, a city first, then a name, then anywhere', () => {
    expect(matchTimeZones('new york', ZONES)).toEqual(['America/New_York'])
    expect(matchTimeZones('NEW', ZONES)).toEqual(['America/New_York', 'America/North_Dakota/New_Salem'])
    expect(matchTimeZones('europe/', ZONES)).toEqual(['Europe/Berlin', 'Europe/Paris'])
    expect(matchTimeZones('or', ZONES)).toEqual(['America/New_York', 'America/North_Dakota/New_Salem', 'Pacific/Port_Moresby'])
    expect(matchTimeZones('', ZONES)).toEqual(ZONES)
    expect(matchTimeZones('atlantis', ZONES)).toEqual([])
  })

  it('takes a zone in any case, or a city alone, as the zone it names; anything else as typed', () => {
    expect(resolveTimeZone(' europe/paris ', ZONES)).toBe('Europe/Paris')
    expect(resolveTimeZone('america/new york', ZONES)).toBe('America/New_York')
    expect(resolveTimeZone('Tokyo', ZONES)).toBe('Asia/Tokyo')
    expect(resolveTimeZone('utc', ZONES)).toBe('UTC')
    expect(resolveTimeZone('Atlantis ', ZONES)).toBe('Atlantis')
  })
})
