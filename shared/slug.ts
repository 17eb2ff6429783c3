// A file- and branch-safe slug of free text: lower-case ASCII words joined by '-', accents folded,
// cut at a word boundary (a word is cut only when it alone is longer than the slug may be).
// Used for journal file names and Gemba branch names.

export function slugify(text: string, options: { maxLength: number; fallback: string }): string {
  const whole = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = whole.slice(0, options.maxLength)
  const lastBreak = cut.lastIndexOf('-')
  const slug = whole.length <= options.maxLength || whole[options.maxLength] === '-' || lastBreak <= 0 ? cut : cut.slice(0, lastBreak)
  return slug.replace(/-+$/g, '') || options.fallback
}
