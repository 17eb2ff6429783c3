import { describe, expect, it } from 'vitest'
import { identityResolver, isBot, normaliseName, parseMailmap } from '../../../../../../electron/services/repos/history/identities.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

describe('identities', () => {
  it('merges a person through .mailmap, a shared email, and a name spelled two ways', () => {
    const authors = [
      { name: 'Jane Doe', email: 'jane@work.example' },
      { name: 'jane doe', email: 'jane@home.example' },
      { name: 'José Álvarez', email: 'jose@example.com' },
      { name: 'Jose Alvarez', email: 'jalvarez@example.com' },
      { name: 'jd', email: 'jd@old.example' },
      { name: 'Sam', email: 'sam@example.com' },
      { name: 'Sam', email: 'other-sam@example.com' },
    ]
    const personOf = identityResolver(authors, 'Jane Doe <jane@work.example> <jd@old.example>\n# a comment\n')
    const key = (index: number) => personOf(authors[index]!).key
    expect(key(0)).toBe(key(1))
    expect(key(0)).toBe(key(4))
    expect(personOf(authors[4]!).name).toBe('Jane Doe')
    expect(key(2)).toBe(key(3))
    // A one-word name is too common to merge two people on.
    expect(key(5)).not.toBe(key(6))
  })

  it('recognises bots and keeps them apart', () => {
    for (const bot of [
      { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
      { name: 'renovate[bot]', email: 'bot@renovateapp.com' },
      { name: 'github-actions', email: 'github-actions@github.com' },
      { name: 'Someone', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    ]) {
      expect(isBot(bot)).toBe(true)
      expect(identityResolver([bot], null)(bot).bot).toBe(true)
    }
    expect(isBot({ name: 'Rob Otto', email: 'rob@example.com' })).toBe(false)
  })

  it('reads every .mailmap form and normalises names', () => {
    expect(parseMailmap('A <a@x>\n<a@x> <b@x>\nA <a@x> B <c@x>\n')).toEqual([
      { properName: 'A', properEmail: null, commitName: null, commitEmail: 'a@x' },
      { properName: null, properEmail: 'a@x', commitName: null, commitEmail: 'b@x' },
      { properName: 'A', properEmail: 'a@x', commitName: 'B', commitEmail: 'c@x' },
    ])
    expect(normaliseName("  Zoë  O'Brien ")).toBe('zoe obrien')
  })

  it('ends on a .mailmap that names an email no commit has (an old address mapped to a new one)', async () => {
    const authors = [{ name: 'Ada Lovelace', email: 'ada@new.example' }]
    // The proper email is one no commit in the history has: the merge used to loop forever on it.
    const mailmap = 'Ada Lovelace <ada@new.example> <ada@old.example>\nGrace Hopper <grace@gone.example>\n'
    const probe = new URL('../../../../../fixtures/identity-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'resolveOnce', [authors, mailmap], 10_000)).resolves.toEqual([
      { key: 'e:ada@new.example', name: 'Ada Lovelace', email: 'ada@new.example', bot: false },
    ])
  })

  it('ends and stays consistent on random authors and .mailmap files (unseen emails, chains, cycles, case)', async () => {
    const probe = new URL('../../../../../fixtures/identity-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkIdentityProperties', [300], 20_000)).resolves.toBe(300)
  })
})
