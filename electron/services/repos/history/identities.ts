// Who a commit's author really is: one person per identity, merged through the repository's .mailmap
// (as git reads it: emails and names matched case-insensitively, a later line overriding an earlier
// one), then by a shared email (an email written as the name counts too), the same full name spelled
// alike (case, accents and punctuation aside), the same GitHub account (its noreply addresses), and a
// login-named GitHub identity whose login is the one person's email local part. Two people who only
// share a common first name are never merged. Bots (dependabot, renovate, github-actions, any `[bot]`…)
// are recognised so ownership and bus factor leave them out. Pure: works on names, emails and the
// .mailmap text; never reads the disk; linear in the distinct identities and .mailmap lines.

export interface Author {
  readonly name: string
  readonly email: string
}

export interface Person {
  /** Stable key for the merged identity. */
  readonly key: string
  /** The name to show: the .mailmap's, else the full name this person commits under most. */
  readonly name: string
  readonly email: string
  readonly bot: boolean
}

interface MailmapEntry {
  readonly properName: string | null
  readonly properEmail: string | null
  readonly commitName: string | null
  readonly commitEmail: string
}

const BOT_NAME =
  /\[bot\]$|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot|pre-commit-ci|codecov|mergify|imgbot|allcontributors|semantic-release-bot|depfu|pyup-bot|whitesource|deepsource-autofix|copilot-swe-agent|gitter-badger|web-flow)\b/i
const BOT_EMAIL =
  /(\[bot\]|bot)@users\.noreply\.github\.com$|^(dependabot|renovate|github-actions|action)@|@dependabot\.com$|@renovateapp\.com$|^noreply@github\.com$/i
/** GitHub's private commit address: `123+login@users.noreply.github.com` (or the older `login@…`). */
const GITHUB_NOREPLY = /^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)@users\.noreply\.github\.com$/i
const EMAIL_LIKE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** Local parts that name a mailbox's purpose, not a person. */
const GENERIC_LOCAL =
  /^(me|mail|email|info|admin|root|dev|developer|contact|hello|hi|git|github|gitlab|noreply|no-reply|user|test|code|office|support|team)$/

export function isBot(author: Author): boolean {
  return BOT_NAME.test(author.name.trim()) || BOT_EMAIL.test(author.email.trim())
}

/** Parses .mailmap lines: `Proper <proper@x>`, `<proper@x> <commit@x>`, `Proper <proper@x> Commit <commit@x>`. */
export function parseMailmap(text: string): MailmapEntry[] {
  const entries: MailmapEntry[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const parts = [...line.matchAll(/([^<>]*)<([^<>]*)>/g)].map((match) => ({
      name: (match[1] ?? '').trim() || null,
      email: (match[2] ?? '').trim(),
    }))
    const [first, second] = parts
    if (!first) continue
    if (!second) entries.push({ properName: first.name, properEmail: null, commitName: null, commitEmail: first.email })
    else entries.push({ properName: first.name, properEmail: first.email || null, commitName: second.name, commitEmail: second.email })
  }
  return entries
}

interface Mapping {
  name: string | null
  email: string | null
}

/**
 * The .mailmap as git applies it: entries found by commit email, then by commit name, both without
 * regard to case; a later line sets what an earlier one set for the same commit email (and name).
 */
function mailmapLookup(entries: readonly MailmapEntry[]): (author: Author) => Author {
  const byEmail = new Map<string, { base: Mapping | null; byName: Map<string, Mapping> }>()
  for (const entry of entries) {
    const key = entry.commitEmail.toLowerCase()
    const slot = byEmail.get(key) ?? { base: null, byName: new Map<string, Mapping>() }
    byEmail.set(key, slot)
    const named = entry.commitName?.toLowerCase()
    let target = named === undefined ? slot.base : slot.byName.get(named)
    if (!target) {
      target = { name: null, email: null }
      if (named === undefined) slot.base = target
      else slot.byName.set(named, target)
    }
    if (entry.properName) target.name = entry.properName
    if (entry.properEmail) target.email = entry.properEmail
  }
  return (author) => {
    const slot = byEmail.get(author.email.toLowerCase())
    const hit = slot?.byName.get(author.name.toLowerCase()) ?? slot?.base
    return hit ? { name: hit.name ?? author.name, email: hit.email ?? author.email } : author
  }
}

/** `José  O'Neil` and `jose oneil` are the same spelling of one name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A name specific enough to merge people on: two words or more (`Ada Lovelace`, not `admin`). */
function distinctive(normalised: string): boolean {
  return normalised.split(' ').length >= 2 && normalised.length >= 5
}

/** The GitHub login of a noreply address, lower-cased; null for any other address. */
function githubLogin(email: string): string | null {
  return GITHUB_NOREPLY.exec(email.trim())?.[1]?.toLowerCase() ?? null
}

const squash = (text: string) => text.toLowerCase().replace(/[._-]/g, '')

/**
 * The GitHub logins an identity may be: its name when it is one word (`krvi`, `Cyril59310`), its full
 * name run together (`taylorotwell` for Taylor Otwell), and its address's local part when that says more
 * than a first name or a mailbox's purpose (`ghopper`, not `grace` for Grace Hopper, nor `info`).
 */
function handlesOf(author: Author): string[] {
  const handles: string[] = []
  const name = normaliseName(author.name)
  if (name !== '' && !name.includes(' ') && !EMAIL_LIKE.test(author.name.trim())) handles.push(squash(author.name.trim()))
  if (distinctive(name)) handles.push(name.replace(/ /g, ''))
  const at = author.email.lastIndexOf('@')
  if (at > 0 && githubLogin(author.email) === null) {
    const local = author.email.slice(0, at).toLowerCase().replace(/\+.*$/, '')
    const firstName = name.includes(' ') ? name.split(' ')[0] : null
    if (local.length >= 3 && !GENERIC_LOCAL.test(local) && squash(local) !== firstName) handles.push(squash(local))
  }
  return handles
}

/** A name that reads as a person's (two words, not an address): shown before a login or an email. */
const fullName = (name: string) => !EMAIL_LIKE.test(name.trim()) && distinctive(normaliseName(name))

/**
 * Builds the resolver for a set of commit authors: every author maps to the one person they are.
 * Deterministic: the same authors and .mailmap give the same keys and names.
 */
export function identityResolver(authors: readonly Author[], mailmapText: string | null): (author: Author) => Person {
  const mailmap = parseMailmap(mailmapText ?? '')
  const mapped = mailmapLookup(mailmap)
  // Union-find over emails, distinctive names and GitHub accounts.
  const parent = new Map<string, string>()
  // A node never added (an email only the .mailmap names) is its own root: `find` stops at the first
  // node with no parent as well as at a root, so it ends on any input.
  const find = (node: string): string => {
    let root = node
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next
    if (parent.has(node)) parent.set(node, root)
    return root
  }
  const add = (node: string) => {
    if (!parent.has(node)) parent.set(node, node)
  }
  const union = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)].sort()
    if (x !== undefined && y !== undefined && x !== y) parent.set(y, x)
  }
  const emailNode = (author: Author) => (author.email.trim() ? `e:${author.email.trim().toLowerCase()}` : `u:${author.name}`)
  // Each distinct identity once (a history repeats the same few thousand times).
  const identities = new Map<string, Author>()
  for (const original of authors) {
    const key = `${original.name}\u0000${original.email}`
    if (identities.has(key) || isBot(original)) continue
    const author = mapped(original)
    if (!isBot(author)) identities.set(key, author)
  }
  for (const author of identities.values()) {
    const email = emailNode(author)
    add(email)
    const name = normaliseName(author.name)
    if (distinctive(name)) {
      add(`n:${name}`)
      union(email, `n:${name}`)
    }
    // An address written as the name (`ada@example.org <ada@laptop.local>`) is an address of the person.
    if (EMAIL_LIKE.test(author.name.trim())) {
      add(`e:${author.name.trim().toLowerCase()}`)
      union(email, `e:${author.name.trim().toLowerCase()}`)
    }
    // Every noreply address of one GitHub account is the same person.
    const login = githubLogin(author.email)
    if (login) {
      add(`g:${login}`)
      union(email, `g:${login}`)
    }
  }
  // A GitHub account (its noreply address) is the one other person who goes by its login: named so
  // (`krvi`, `taylorotwell` for Taylor Otwell) or writing from an address with it (`ghopper@navy.mil`).
  // When two people do, it could be either, and stays apart.
  const holders = new Map<string, Set<string>>()
  for (const author of identities.values()) {
    const root = find(emailNode(author))
    for (const handle of handlesOf(author)) holders.set(handle, (holders.get(handle) ?? new Set<string>()).add(root))
  }
  for (const login of new Set([...identities.values()].map((author) => githubLogin(author.email)))) {
    if (login === null) continue
    const own = find(`g:${login}`)
    const others = new Set([...(holders.get(squash(login)) ?? [])].map(find).filter((root) => root !== own))
    if (others.size === 1) union(own, [...others][0]!)
  }
  const counts = new Map<string, Map<string, number>>()
  for (const original of authors) {
    const author = mapped(original)
    if (isBot(original) || isBot(author)) continue
    const root = find(emailNode(author))
    const names = counts.get(root) ?? new Map<string, number>()
    names.set(author.name, (names.get(author.name) ?? 0) + 1)
    counts.set(root, names)
  }
  const properNames = new Map(
    mailmap
      .filter((entry) => entry.properName)
      .map((entry) => [find(`e:${(entry.properEmail ?? entry.commitEmail).toLowerCase()}`), entry.properName!]),
  )
  const shownName = new Map<string, string>()
  for (const [root, names] of counts) {
    // A full name before a login or an address, then the most used, then the first in order.
    const best = [...names].sort((a, b) => Number(fullName(b[0])) - Number(fullName(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    if (best) shownName.set(root, best[0])
  }
  return (original) => {
    const author = mapped(original)
    if (isBot(original) || isBot(author))
      return { key: `bot:${author.email.toLowerCase() || author.name}`, name: author.name, email: author.email, bot: true }
    const own = emailNode(author)
    const root = parent.has(own) ? find(own) : own
    return { key: root, name: properNames.get(root) ?? shownName.get(root) ?? author.name, email: author.email, bot: false }
  }
}
