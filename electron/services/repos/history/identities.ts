// Who a commit's author really is: one person per identity, merged through the repository's .mailmap
// (as `git shortlog` reads it), then by a shared email or the same full name spelled alike (case,
// accents and punctuation aside). Bots (dependabot, renovate, github-actions, any `[bot]`…) are
// recognised so ownership and bus factor leave them out. Pure: works on names, emails and the
// .mailmap text; never reads the disk.

export interface Author {
  readonly name: string
  readonly email: string
}

export interface Person {
  /** Stable key for the merged identity. */
  readonly key: string
  /** The name to show: the .mailmap's, else the one this person commits under most. */
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

export function isBot(author: Author): boolean {
  return BOT_NAME.test(author.name.trim()) || BOT_EMAIL.test(author.email.trim())
}

/** Parses .mailmap lines: `Proper <proper@x>`, `<proper@x> <commit@x>`, `Proper <proper@x> Commit <commit@x>`. */
export function parseMailmap(text: string): MailmapEntry[] {
  const entries: MailmapEntry[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim()
    if (!line) continue
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

/**
 * Builds the resolver for a set of commit authors: every author maps to the one person they are.
 * Deterministic: the same authors and .mailmap give the same keys and names.
 */
export function identityResolver(authors: readonly Author[], mailmapText: string | null): (author: Author) => Person {
  const mailmap = parseMailmap(mailmapText ?? '')
  const mapped = (author: Author): Author => {
    const email = author.email.toLowerCase()
    // The most specific entry wins: one that also names the commit name.
    const hit =
      mailmap.find((entry) => entry.commitEmail.toLowerCase() === email && entry.commitName !== null && entry.commitName === author.name) ??
      mailmap.find((entry) => entry.commitEmail.toLowerCase() === email && entry.commitName === null)
    return hit ? { name: hit.properName ?? author.name, email: hit.properEmail ?? author.email } : author
  }
  // Union-find over emails and distinctive names.
  const parent = new Map<string, string>()
  // A node never added (an email only the .mailmap names) is its own root: `find` stops at the first
  // node with no parent as well as at a root, so it ends on any input.
  const find = (node: string): string => {
    let root = node
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next
    if (parent.has(node)) parent.set(node, root)
    return root
  }
  const union = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)].sort()
    if (x !== undefined && y !== undefined && x !== y) parent.set(y, x)
  }
  const nodesOf = (author: Author) => {
    const email = author.email.trim() ? `e:${author.email.trim().toLowerCase()}` : `u:${author.name}`
    const name = normaliseName(author.name)
    return { email, name: distinctive(name) ? `n:${name}` : null }
  }
  const counts = new Map<string, Map<string, number>>()
  for (const original of authors) {
    const author = mapped(original)
    if (isBot(original) || isBot(author)) continue
    const { email, name } = nodesOf(author)
    for (const node of [email, name]) if (node !== null && !parent.has(node)) parent.set(node, node)
    if (name !== null) union(email, name)
  }
  for (const original of authors) {
    const author = mapped(original)
    if (isBot(original) || isBot(author)) continue
    const root = find(nodesOf(author).email)
    const names = counts.get(root) ?? new Map<string, number>()
    names.set(author.name, (names.get(author.name) ?? 0) + 1)
    counts.set(root, names)
  }
  const properNames = new Map(
    mailmap
      .filter((entry) => entry.properName)
      .map((entry) => [find(`e:${(entry.properEmail ?? entry.commitEmail).toLowerCase()}`), entry.properName!]),
  )
  return (original) => {
    const author = mapped(original)
    if (isBot(original) || isBot(author))
      return { key: `bot:${author.email.toLowerCase() || author.name}`, name: author.name, email: author.email, bot: true }
    const own = nodesOf(author).email
    const root = parent.has(own) ? find(own) : own
    const names = [...(counts.get(root) ?? new Map<string, number>([[author.name, 1]]))].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )
    return { key: root, name: properNames.get(root) ?? names[0]?.[0] ?? author.name, email: author.email, bot: false }
  }
}
