// A file- and branch-safe slug of free text: lower-case ASCII words joined by '-', accents folded.
// Used for journal file names and Gemba branch names.

export function slugify(text: string, options: { maxLength: number; fallback: string }): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, options.maxLength)
    .replace(/-+$/g, '')
  return slug || options.fallback
}
