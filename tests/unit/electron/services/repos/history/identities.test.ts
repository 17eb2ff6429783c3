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

  it('merges one address under two names, and shows the full name rather than the login', () => {
    const authors = [
      { name: 'Ada Lovelace', email: 'alovelace@example.org' },
      { name: 'alovelace', email: 'AloveLace@example.org' },
      { name: 'alovelace', email: 'alovelace@example.org' },
    ]
    const personOf = identityResolver(authors, null)
    expect(new Set(authors.map((one) => personOf(one).key)).size).toBe(1)
    // The login is used more often; the name a person reads is still the full one.
    expect(personOf(authors[1]!).name).toBe('Ada Lovelace')
  })

  it('takes an address written as the name as that address', () => {
    const authors = [
      { name: 'Ada Lovelace', email: 'alovelace@example.org' },
      { name: 'alovelace@example.org', email: 'ada@laptop.localdomain' },
    ]
    const personOf = identityResolver(authors, null)
    expect(personOf(authors[1]!).key).toBe(personOf(authors[0]!).key)
    expect(personOf(authors[1]!).name).toBe('Ada Lovelace')
  })

  it('merges a login-named GitHub noreply identity with the one person whose address has that login', () => {
    const authors = [
      { name: 'Grace Hopper', email: 'ghopper@navy.example' },
      { name: 'ghopper', email: '4512+ghopper@users.noreply.github.com' },
      // The same GitHub account under its older noreply form and another spelling.
      { name: 'G. Hopper', email: 'ghopper@users.noreply.github.com' },
      { name: 'Someone Else', email: 'else@example.org' },
    ]
    const personOf = identityResolver([...authors, authors[0]!], null)
    const key = personOf(authors[0]!).key
    expect(personOf(authors[1]!).key).toBe(key)
    expect(personOf(authors[2]!).key).toBe(key)
    expect(personOf(authors[3]!).key).not.toBe(key)
    expect(personOf(authors[1]!).name).toBe('Grace Hopper')
  })

  it('never merges two people who only share a first name or an ambiguous login', () => {
    const authors = [
      { name: 'Sam', email: 'sam@one.example' },
      { name: 'Sam', email: 'sam@two.example' },
      // A GitHub user `john` and John Smith share only a first name.
      { name: 'john', email: '77+john@users.noreply.github.com' },
      { name: 'John Smith', email: 'john@smith.example' },
      // Two people have the handle `jsmith`: the login-named identity could be either, so it is neither.
      { name: 'jsmith', email: '99+jsmith@users.noreply.github.com' },
      { name: 'Jane Smith', email: 'jsmith@one.example' },
      { name: 'Joe Smith', email: 'jsmith@two.example' },
      // A mailbox's purpose is nobody's handle.
      { name: 'info', email: '5+info@users.noreply.github.com' },
      { name: 'Ann Other', email: 'info@company.example' },
    ]
    const personOf = identityResolver(authors, null)
    expect(new Set(authors.map((one) => personOf(one).key)).size).toBe(authors.length)
  })

  it('reads .mailmap as git does: emails and names in any case, a later line overriding an earlier one', () => {
    const authors = [
      { name: 'ada', email: 'ADA@Old.Example' },
      { name: 'Build Script', email: 'shared@ci.example' },
      { name: 'ada', email: 'shared@ci.example' },
    ]
    const mailmap = [
      'Ada L <ada@new.example> <ada@old.example>',
      'Ada Lovelace <ada@new.example> <Ada@OLD.example>',
      'Ada Lovelace <ada@new.example> ADA <shared@ci.example>',
    ].join('\n')
    const personOf = identityResolver(authors, mailmap)
    expect(personOf(authors[0]!)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@new.example' })
    // Only the entry's commit name is mapped out of a shared address.
    expect(personOf(authors[2]!)).toMatchObject({ name: 'Ada Lovelace', key: personOf(authors[0]!).key })
    expect(personOf(authors[1]!).key).not.toBe(personOf(authors[0]!).key)
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

  it('merges no two people on a shared first name, over random authors', async () => {
    const probe = new URL('../../../../../fixtures/identity-properties.ts', import.meta.url)
    await expect(runBounded(probe, 'checkNoMergeWithoutEvidence', [300], 20_000)).resolves.toBe(300)
  })
})
