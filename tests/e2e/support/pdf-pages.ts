// Reads a PDF the way a person would look at it: page 1 rendered to an image by poppler-utils'
// pdftoppm (a grey-level PGM, read here without any image library) to measure how much of the page
// width the ink spans, and each page's text from pdftotext. Debian's poppler-utils (.ci/run installs it).
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface PdfLook {
  readonly pages: number
  /** Page 1's size in pixels at the resolution rendered. */
  readonly width: number
  readonly height: number
  /** The leftmost and rightmost columns of page 1 holding any ink, as shares of its width. */
  readonly inkFrom: number
  readonly inkTo: number
  /** The text of each page. */
  readonly text: readonly string[]
  /** Page 1 as a PNG (for the screenshots folder). */
  readonly png: Buffer
}

export async function lookAtPdf(pdf: Buffer): Promise<PdfLook> {
  const folder = await mkdtemp(join(tmpdir(), 'gemba-pdf-'))
  try {
    const file = join(folder, 'entry.pdf')
    await writeFile(file, pdf)
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-gray', '-singlefile', file, join(folder, 'page')])
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', file, join(folder, 'page')])
    const { width, height, pixels } = readPgm(await readFile(join(folder, 'page.pgm')))
    const inked = (x: number) => {
      for (let y = 0; y < height; y++) if ((pixels[y * width + x] ?? 255) < 200) return true
      return false
    }
    let from = 0
    while (from < width && !inked(from)) from++
    let to = width - 1
    while (to > from && !inked(to)) to--
    const { stdout } = await run('pdftotext', ['-layout', file, '-'])
    const text = stdout.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim())
    return {
      pages: text.length,
      width,
      height,
      inkFrom: from / width,
      inkTo: (to + 1) / width,
      text,
      png: await readFile(join(folder, 'page.png')),
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** A binary PGM (P5, 8-bit): "P5 <width> <height> 255" then one byte per pixel. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('pdftoppm did not write a PGM image')
  const width = Number(header[1])
  const height = Number(header[2])
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) }
}

export interface PdfWord {
  readonly text: string
  /** Its box, in points from the page's top-left corner. */
  readonly xMin: number
  readonly yMin: number
  readonly xMax: number
  readonly yMax: number
}

export interface PdfPageWords {
  readonly width: number
  readonly height: number
  readonly words: readonly PdfWord[]
}

/** Every page's words with their boxes (pdftotext -bbox), and every page as a PNG named `<prefix>-<n>.png` in `shots`. */
export async function readPdfPages(pdf: Buffer, shots?: { readonly folder: string; readonly prefix: string }): Promise<PdfPageWords[]> {
  const folder = await mkdtemp(join(tmpdir(), 'gemba-pdf-'))
  try {
    const file = join(folder, 'entry.pdf')
    await writeFile(file, pdf)
    if (shots) await run('pdftoppm', ['-r', '50', '-png', file, join(shots.folder, shots.prefix)])
    const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
    const pages: PdfPageWords[] = []
    for (const page of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const words = [...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (word) => ({
          xMin: Number(word[1]),
          yMin: Number(word[2]),
          xMax: Number(word[3]),
          yMax: Number(word[4]),
          text: unescapeXml(word[5]!),
        }),
      )
      pages.push({ width: Number(page[1]), height: Number(page[2]), words })
    }
    return pages
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
