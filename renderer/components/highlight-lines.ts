// Splits highlight.js HTML into one string per source line, closing the spans open at each line end
// and reopening them on the next, so a multi-line comment stays coloured line by line. Pure.

export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = []
  const open: string[] = []
  let current = ''
  const tokens = html.match(/<span[^>]*>|<\/span>|[^<]+|</g) ?? []
  for (const token of tokens) {
    if (token.startsWith('<span')) {
      open.push(token)
      current += token
    } else if (token === '</span>') {
      open.pop()
      current += token
    } else {
      const pieces = token.split('\n')
      for (const [index, piece] of pieces.entries()) {
        if (index > 0) {
          lines.push(current + '</span>'.repeat(open.length))
          current = open.join('')
        }
        current += piece
      }
    }
  }
  lines.push(current + '</span>'.repeat(open.length))
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines
}

/** Escapes text for innerHTML when highlighting is unavailable. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  rb: 'ruby',
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  rs: 'rust',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  php: 'php',
  swift: 'swift',
  scala: 'scala',
  sh: 'bash',
  bash: 'bash',
  zsh: 'bash',
  json: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  toml: 'ini',
  ini: 'ini',
  md: 'markdown',
  html: 'xml',
  xml: 'xml',
  css: 'css',
  scss: 'scss',
  sql: 'sql',
  graphql: 'graphql',
  lua: 'lua',
  r: 'r',
}

export function languageOfPath(path: string): string | null {
  const name = path.split('/').at(-1) ?? ''
  if (/^(Makefile|GNUmakefile)$/.test(name)) return 'makefile'
  if (/^Dockerfile/.test(name)) return 'dockerfile'
  const ext = name.includes('.') ? name.split('.').at(-1)!.toLowerCase() : ''
  return LANGUAGES[ext] ?? null
}
