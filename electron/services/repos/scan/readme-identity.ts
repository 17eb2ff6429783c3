// What a README says the project is, read as GitHub shows it: the Markdown rendered to HTML (marked),
// then read through its HTML (htmlparser2, which decodes entities) past logos, badges, sponsor tables,
// news and notes to the project's name (its first heading, or a logo's alt text), a tagline, and the
// first paragraph that says what the project is. A heading or logo names the project only when it
// matches a name the repository already has (its folder, a manifest's name, a Go module's last part),
// so "Welcome to our service" never renames `billing`. Pure and bounded: the first 60,000 characters,
// the first 300 blocks.
import { Parser } from 'htmlparser2'
import { Marked } from 'marked'

/** Where GitHub looks for the README it shows, in its order: `.github/`, the root, then `docs/`. */
const README_PATH = /^(\.github\/|docs\/)?readme(\.(md|markdown|rst|txt|adoc))?$/i
const readmePlace = (path: string) => (path.startsWith('.github/') ? 0 : path.includes('/') ? 2 : 1)

/** The README GitHub shows among these paths (Markdown first within a folder), or undefined. */
export function githubReadme(paths: readonly string[]): string | undefined {
  return paths
    .filter((path) => README_PATH.test(path))
    .sort((a, b) => readmePlace(a) - readmePlace(b) || Number(/\.(md|markdown)$/i.test(b)) - Number(/\.(md|markdown)$/i.test(a)))[0]
}

export interface ReadmeBlock {
  readonly kind: 'heading' | 'paragraph' | 'quote' | 'item' | 'code' | 'rule'
  /** 1–6 for a heading. */
  readonly level: number
  /** The text a reader sees (entities decoded, Markdown and tags gone, code spans in backticks). */
  readonly text: string
  /** Alt texts of the images in it. */
  readonly images: readonly string[]
  /** All of its text is link text (a row of links, a table of contents). */
  readonly linksOnly: boolean
}

export interface ReadmeIdentity {
  /** The project's name as the README spells it, when the README names it. */
  readonly name: string | null
  /** A one-line description beside the title (`Dependency Management for PHP`), when there is one. */
  readonly tagline: string | null
  /** The paragraph that says what the project is, as plain text. */
  readonly intro: string | null
}

const MAX_CHARS = 60_000
const MAX_BLOCKS = 300
/** Elements whose content is layout or chrome, never the project's description (sponsor tables, scripts). */
const SKIPPED = new Set(['table', 'script', 'style', 'details', 'svg', 'template', 'noscript'])
const BLOCKS: Readonly<Record<string, ReadmeBlock['kind']>> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  li: 'item',
  dt: 'item',
  dd: 'item',
  pre: 'code',
  figcaption: 'paragraph',
}
/** Elements that end the text before them (their own loose text is a paragraph). */
const BREAKS = new Set(['div', 'blockquote', 'ul', 'ol', 'dl', 'section', 'center', 'hr'])

const markdown = new Marked({ gfm: true, async: false })

/** The README's blocks in reading order: Markdown rendered as GitHub would, then its HTML walked. */
export function readmeBlocks(text: string, path = 'README.md'): ReadmeBlock[] {
  const source = text.slice(0, MAX_CHARS)
  // Plain-text READMEs are paragraphs separated by blank lines; Markdown (and reStructuredText's
  // underlined titles, which read the same) goes through the renderer.
  const html = /\.(txt)$|(^|\/)readme$/i.test(path) ? plainToHtml(source) : (markdown.parse(source) as string)
  const blocks: ReadmeBlock[] = []
  let skip = 0
  let quote = 0
  let current: { kind: ReadmeBlock['kind']; level: number; text: string; linked: number; images: string[]; tag: string } | null = null
  let links = 0
  const flush = () => {
    if (current && blocks.length < MAX_BLOCKS) {
      const text = current.text
        .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .replace(/\n{2,}/g, '\n')
        .trim()
      const letters = text.replace(/[\s\p{P}\p{S}]/gu, '').length
      if (text || current.images.length) {
        const kind = current.kind === 'paragraph' && quote > 0 ? 'quote' : current.kind
        blocks.push({ kind, level: current.level, text, images: current.images, linksOnly: letters > 0 && current.linked >= letters * 0.9 })
      }
    }
    current = null
  }
  const open = (kind: ReadmeBlock['kind'], level: number, tag: string) => {
    flush()
    current = { kind, level, text: '', linked: 0, images: [], tag }
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skip > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skip += 1
          return
        }
        if (name === 'blockquote') quote += 1
        const kind = BLOCKS[name]
        if (kind) open(kind, kind === 'heading' ? Number(name.slice(1)) : 0, name)
        else if (BREAKS.has(name) && current?.tag === '') flush()
        if (name === 'hr') blocks.push({ kind: 'rule', level: 0, text: '', images: [], linksOnly: false })
        if (name === 'a') links += 1
        if (name === 'img') {
          current ??= { kind: 'paragraph', level: 0, text: '', linked: 0, images: [], tag: '' }
          current.images.push((attributes.alt ?? '').trim())
        }
        if (name === 'br' && current) current.text += '\n'
        if (name === 'code' && current && current.kind !== 'code') current.text += '`'
      },
      ontext(data) {
        if (skip > 0) return
        if (!current) {
          if (!data.trim()) return
          current = { kind: 'paragraph', level: 0, text: '', linked: 0, images: [], tag: '' }
        }
        current.text += data
        if (links > 0) current.linked += data.replace(/[\s\p{P}\p{S}]/gu, '').length
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1)
          return
        }
        if (skip > 0) return
        if (name === 'a') links = Math.max(0, links - 1)
        if (name === 'code' && current && current.kind !== 'code') current.text += '`'
        if (current && (current.tag === name || (BREAKS.has(name) && current.tag === ''))) flush()
        if (name === 'blockquote') quote = Math.max(0, quote - 1)
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  flush()
  return blocks
}

function plainToHtml(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escape(paragraph.trim())}</p>`)
    .join('\n')
}

/** News, sponsors and notices: not what the project is. */
const NEWS_HEADING = /\b(news|release[sd]?|announc\w*|now available|what'?s new|sponsors?|sponsored|backers|changelog|notice|update)\b/i
const NEWS =
  /\b(we(?:'|’)re (?:excited|happy|pleased|thrilled)|is now available|announc\w+|release of|sponsored by|become a sponsor|special thanks|this readme is for)\b/i
/** A note or warning set apart from the text (`**Note:** this repository…`, GitHub's `[!NOTE]`). */
const NOTE = /^\[?!?(note|warning|important|caution|tip|attention|disclaimer)\]?\s*:?/i
/** A section that still introduces the project. */
const INTRO_HEADING = /^(overview|about|introduction|intro|what is|description|summary|motivation)\b/i
/** Words that lead into a name in a title: "Welcome to tmux!", "About Laravel". */
const LEAD_IN = /^(welcome to|about|introducing|meet|this is)\s+/i
/** A logo's alt text says "logo": `DuckDB logo` is DuckDB. */
const LOGO_WORDS = /\b(logo|logotype|banner|icon|image|wordmark|graphic|screenshot)\b/gi
/** "X is …", "X, a …, is …": a sentence whose subject is short, then a copula. */
const COPULA = /^([^.!?\n]{1,90}?)\s+(?:is|are)\s+\S/i
/** "X is a …", "X are the …": a sentence that defines its subject. */
const DEFINES = /^[^.!?\n]{1,90}?\s(?:is|are)\s+(?:an?|the|one)\s/i

const squash = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/** Names the repository already has, as comparable tokens: `uptime-kuma` → uptime, kuma, uptimekuma. */
function nameTokens(names: readonly (string | null | undefined)[]): Set<string> {
  const tokens = new Set<string>()
  for (const name of names) {
    if (!name) continue
    // A Go module or a scoped package is named by its last part (`github.com/cli/cli/v2` → cli).
    const last =
      name
        .replace(/\/v\d+$/, '')
        .split('/')
        .filter(Boolean)
        .at(-1) ?? name
    for (const part of [name, last, ...last.split(/[^\p{L}\p{N}]+/u)]) {
      const token = squash(part)
      if (token.length >= 2) tokens.add(token)
    }
  }
  return tokens
}

/** A title cleaned for a name: emoji, badges' leftovers, trailing punctuation and versions gone. */
function cleanTitle(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '')
    .replace(/\s+v?\d+(\.\d+)+\S*$/, '')
    .replace(/[\s!.:,;|·•—–-]+$/, '')
    .replace(/^[\s|·•—–-]+/, '')
    .trim()
}

/** Splits "HTTPie CLI: human-friendly HTTP client" into a name and a tagline. */
function splitTitle(text: string): { head: string; tail: string | null } {
  const match = /^(.{1,40}?)\s*(?::|\s[-–—|]\s)\s*(.{3,})$/.exec(text)
  return match ? { head: match[1]!.trim(), tail: match[2]!.trim() } : { head: text, tail: null }
}

/**
 * The name in a title, when the title names a known name: its words that spell one (`Gin` of "Gin Web
 * Framework", `Uptime Kuma`), else the whole title when it contains one ("GitHub CLI", "Json.NET").
 */
function nameIn(title: string, tokens: ReadonlySet<string>): string | null {
  const text = cleanTitle(title).replace(LEAD_IN, '')
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 5) return null
  for (let take = words.length; take >= 1; take--) {
    const prefix = words.slice(0, take).join(' ')
    if (tokens.has(squash(prefix))) return cleanTitle(prefix)
  }
  const whole = squash(text)
  const contains = [...tokens].some((token) => token.length >= 3 && (whole.includes(token) || token.includes(whole)))
  return contains && words.length <= 4 ? cleanTitle(text) : null
}

/** A logo's alt text as a name: "DuckDB logo" → DuckDB, "Alamofire: Elegant Networking" → Alamofire. */
function altName(alt: string, tokens: ReadonlySet<string>): { name: string; tagline: string | null } | null {
  const { head, tail } = splitTitle(alt)
  const name = nameIn(head.replace(LOGO_WORDS, '').replace(/\s+/g, ' ').trim(), tokens)
  return name ? { name, tagline: tail } : null
}

const sentenceOf = (text: string) => /^.+?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text

/** What the README says the project is: its name, a tagline and the paragraph that defines it. */
export function readReadme(text: string, knownNames: readonly (string | null | undefined)[], path = 'README.md'): ReadmeIdentity {
  const tokens = nameTokens(knownNames)
  const blocks = readmeBlocks(text, path)
  let name: string | null = null
  let headingName: string | null = null
  let tagline: string | null = null
  const candidates: string[] = []
  /** Past the introduction, a paragraph that defines the project by name (`Flask is a …`). */
  const later: string[] = []
  let heading: string | null = null
  let seenTitle = false
  let inIntro = true
  let paragraphsSeen = 0
  for (const block of blocks) {
    if (block.kind === 'rule') {
      // A rule ends the section above it (a news item, a sponsor list) as a heading would.
      if (heading !== null && NEWS_HEADING.test(heading)) heading = null
      continue
    }
    const imageOnly = block.text.replace(/[\s\p{P}\p{S}]/gu, '') === '' && block.images.length > 0
    if (imageOnly) {
      // A logo: its alt text may name the project; it also ends a sponsor section above it.
      if (heading !== null && NEWS_HEADING.test(heading)) heading = null
      for (const alt of block.images) {
        const found = altName(alt, tokens)
        if (found && name === null) {
          name = found.name
          tagline ??= found.tagline
        }
      }
      continue
    }
    if (block.kind === 'heading') {
      const title = block.text || block.images.map((alt) => alt.replace(LOGO_WORDS, '').trim()).find(Boolean) || ''
      heading = title
      if (NEWS_HEADING.test(title)) continue
      const { head, tail } = splitTitle(cleanTitle(title))
      const named = nameIn(head, tokens)
      if (named && headingName === null && inIntro && paragraphsSeen === 0) {
        headingName = named
        seenTitle = true
        if (tail) tagline ??= capitalise(tail)
        continue
      }
      if (named || INTRO_HEADING.test(title) || LEAD_IN.test(title)) continue
      // A heading under the title before any text that names nothing is a tagline ("The Free Software
      // Media System"); any other heading starts the README's sections (installation, usage…).
      if (paragraphsSeen === 0 && tagline === null && title.split(/\s+/).length >= 3 && !block.linksOnly) {
        tagline = cleanTitle(title)
        continue
      }
      if (seenTitle || name !== null || paragraphsSeen > 0) inIntro = false
      continue
    }
    if (block.kind !== 'paragraph' && block.kind !== 'quote') continue
    if (heading !== null && NEWS_HEADING.test(heading)) continue
    const clean = block.text.replace(/\n/g, ' ').trim()
    if (block.linksOnly || NOTE.test(clean) || NEWS.test(clean) || /^\[!/.test(clean)) continue
    if (!/\p{L}{2}/u.test(clean)) continue
    paragraphsSeen += 1
    // A short line right under the title (`Simple, efficient background jobs for Ruby.`) is a tagline.
    if (
      candidates.length === 0 &&
      tagline === null &&
      clean.length <= 120 &&
      !COPULA.test(clean) &&
      !/^(see|visit|for|read)\b/i.test(clean)
    ) {
      tagline = sentenceOf(clean)
      if (inIntro) candidates.push(clean)
      continue
    }
    if (clean.length < 40) continue
    if (inIntro) candidates.push(clean.slice(0, 800))
    else if (later.length < 6 && definesName(clean, tokens, headingName ?? name)) later.push(clean.slice(0, 800))
    if (candidates.length >= 6 || later.length >= 1) break
  }
  // The paragraph that defines the project: in its introduction, the first that says "<name> is a …",
  // else the first that says "X is a …", else its first; past it, one that defines it by name.
  const subjectName = headingName ?? name
  const defining = (paragraph: string) => DEFINES.test(sentenceOf(paragraph).replace(/`/g, ''))
  const intro =
    candidates.find((paragraph) => defining(paragraph) && definesName(paragraph, tokens, subjectName)) ??
    candidates.find(defining) ??
    candidates[0] ??
    later[0] ??
    null
  // The README's own spelling of a known name in the sentence that defines it (`Rich`, `{fmt}`).
  const subject = intro ? subjectOf(intro) : null
  const spelled = subject && tokens.has(squash(subject)) ? subject : null
  return {
    name: headingName ?? name ?? spelled,
    tagline: tagline ? capitalise(tagline) : null,
    intro,
  }
}

/** The subject of a sentence that defines something ("Flask is a …" → Flask), short and name-like. */
function subjectOf(paragraph: string): string | null {
  const match = COPULA.exec(sentenceOf(paragraph))
  const subject = match?.[1]
    ?.replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/,.*$/, '')
    .replace(/`/g, '')
    .trim()
  return subject && subject.split(/\s+/).length <= 3 ? subject : null
}

function definesName(paragraph: string, tokens: ReadonlySet<string>, name: string | null): boolean {
  if (!DEFINES.test(sentenceOf(paragraph).replace(/`/g, ''))) return false
  const subject = subjectOf(paragraph)
  if (!subject) return false
  return tokens.has(squash(subject)) || (name !== null && squash(subject) === squash(name))
}

const capitalise = (text: string) =>
  /^\p{Ll}/u.test(text) && !/^\p{Ll}+\p{Lu}/u.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text

/** The first sentence of the README's introduction, or its tagline: a one-line description. */
export function readmeDescription(identity: ReadmeIdentity): string | null {
  if (identity.tagline) return identity.tagline
  if (!identity.intro) return null
  const sentence = sentenceOf(identity.intro).trim()
  return sentence.length <= 300 ? sentence : null
}
