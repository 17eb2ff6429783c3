// Files stored with Git LFS, which Gemba cannot commit (isomorphic-git runs no clean filter: it would
// commit the file's content where git commits a pointer): paths whose `filter` attribute is `lfs`
// (.gitattributes along the path, then .git/info/attributes, the last matching line winning, as git
// reads them), and files whose committed content is an LFS pointer. Read-only.
import { readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { blobContent } from './object-reads.ts'
import type { GitRepo } from './repository.ts'
import { entryAt } from './tree-edit.ts'

const POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1')

interface AttributeLine {
  /** The folder the attributes file sits in ('' for the root). */
  readonly base: string
  readonly pattern: string
  /** true: filter=lfs; false: filter set to anything else, or unset. */
  readonly lfs: boolean
}

export function isLfsPointer(bytes: Uint8Array): boolean {
  return bytes.length < 1024 && Buffer.from(bytes.subarray(0, POINTER.length)).equals(POINTER)
}

function parseAttributes(textContent: string, base: string): AttributeLine[] {
  const lines: AttributeLine[] = []
  for (const raw of textContent.split(/\r?\n/)) {
    const [pattern, ...attributes] = raw.trim().split(/\s+/)
    if (!pattern || pattern.startsWith('#') || pattern.startsWith('[attr]') || pattern.endsWith('/')) continue
    for (const attribute of attributes) {
      if (attribute === 'filter=lfs') lines.push({ base, pattern, lfs: true })
      else if (/^(filter=.*|-filter|!filter)$/.test(attribute)) lines.push({ base, pattern, lfs: false })
    }
  }
  return lines
}

/** A gitattributes pattern as a regular expression over a path relative to its file's folder. */
export function attributePattern(pattern: string): RegExp {
  const anchored = pattern.includes('/')
  const glob = pattern.replace(/^\//, '')
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!
    if (glob.startsWith('**/', i) && (i === 0 || glob[i - 1] === '/')) {
      source += '(?:.*/)?'
      i += 2
    } else if (glob.startsWith('**', i) && glob[i - 1] === '/' && i + 2 === glob.length) {
      source += '.*'
      i += 1
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else if (char === '[') {
      const close = glob.indexOf(']', i + 2)
      if (close < 0) source += '\\['
      else {
        source += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = close
      }
    } else if (char === '\\' && i + 1 < glob.length) source += `\\${glob[++i]}`
    else source += char.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(anchored ? `^${source}$` : `(?:^|/)${source}$`)
}

function matches(line: AttributeLine, path: string): boolean {
  if (line.base && !path.startsWith(`${line.base}/`)) return false
  const relative = line.base ? path.slice(line.base.length + 1) : path
  return attributePattern(line.pattern).test(line.pattern.includes('/') ? relative : posix.basename(relative))
}

/** The root .gitattributes patterns stored with LFS, to show on the repository. */
export async function lfsPatterns(root: string): Promise<string[]> {
  const lines = parseAttributes(await readFile(join(root, '.gitattributes'), 'utf8').catch(() => ''), '')
  return [...new Set(lines.filter((line) => line.lfs).map((line) => line.pattern))]
}

/** Of `paths`, those Git LFS stores: by attribute, or because HEAD holds an LFS pointer there. */
export async function lfsPaths(repo: GitRepo, paths: readonly string[], headTree: string | null): Promise<string[]> {
  const files = new Map<string, Promise<AttributeLine[]>>()
  const attributesIn = (folder: string) => {
    let loaded = files.get(folder)
    if (!loaded) {
      loaded = readFile(join(repo.root, ...folder.split('/').filter(Boolean), '.gitattributes'), 'utf8').then(
        (content) => parseAttributes(content, folder),
        () => [],
      )
      files.set(folder, loaded)
    }
    return loaded
  }
  const info = parseAttributes(await readFile(join(repo.commondir, 'info', 'attributes'), 'utf8').catch(() => ''), '')
  const found: string[] = []
  for (const path of paths) {
    const folders = ['']
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) folders.push(path.slice(0, slash))
    const lines = [...(await Promise.all(folders.map(attributesIn))).flat(), ...info]
    let lfs = false
    for (const line of lines) if (matches(line, path)) lfs = line.lfs
    if (lfs || (headTree && (await committedPointer(repo, headTree, path)))) found.push(path)
  }
  return found
}

async function committedPointer(repo: GitRepo, headTree: string, path: string): Promise<boolean> {
  const blob = await entryAt(repo, headTree, path).catch(() => null)
  if (!blob || blob.mode.startsWith('16')) return false
  return isLfsPointer((await blobContent(repo, blob.oid).catch(() => null)) ?? new Uint8Array())
}
