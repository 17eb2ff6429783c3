// System channels: what the app is and where it keeps things, and cancelling a running call.
import { z } from 'zod'
import { channel } from '../contract.ts'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly mode: 'desktop' | 'browser'
  readonly platform: string
  readonly dataFolder: string
}

/** The paper a PDF is laid out on (the page's margins and heading come from its own @page rules). */
export const PAPER_SIZES = ['A4', 'Letter'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

export const systemChannels = {
  info: channel<AppInfo>()({
    description: 'The app name, version, mode (desktop or browser) and data folder.',
    input: z.object({}).strict(),
  }),
  pickFolder: channel<{ readonly path: string | null; readonly supported: boolean }>()({
    description: 'Opens the system folder picker (desktop only); answers the chosen path, or null when cancelled.',
    input: z.object({ title: z.string().max(200).optional() }).strict(),
  }),
  printToPdf: channel<{ readonly path: string | null; readonly supported: boolean }>()({
    description: 'Prints the page as it is shown now to a PDF file in a folder (desktop only; browser mode uses the browser’s print).',
    input: z
      .object({
        folder: z.string().trim().min(1).max(4096),
        fileName: z
          .string()
          .trim()
          .regex(/^[^/\\]{1,200}\.pdf$/i, 'Use a file name ending in .pdf, without folders.'),
        paper: z.enum(PAPER_SIZES).optional(),
      })
      .strict(),
  }),
  cancel: channel<{ readonly cancelled: boolean }>()({
    description: 'Cancels a running call by its call id; answers whether it was still running.',
    input: z.object({ callId: z.string().min(1).max(100) }).strict(),
  }),
} as const
