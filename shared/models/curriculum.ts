// The 12-week programme as plain data: what each week is about and what to ask at each step, with the
// text that differs for a kind of codebase beside each week. The content lives in
// shared/curriculum/weeks.json; this file only names its shape.
import type { RepoKind } from './repos.ts'

export const STEP_KEYS = ['explore', 'diagram', 'change', 'reflect'] as const
export type StepKey = (typeof STEP_KEYS)[number]

export interface StepPrompts {
  /** One line: what to do in this step this week. */
  readonly brief: string
  /** Prompts to paste into the coach (or ask yourself offline), in the order to try them. */
  readonly prompts: readonly string[]
}

/** The kinds a week may have its own text for; a web service reads the week's own (default) text. */
export const VARIANT_KINDS = ['library', 'cli', 'storage-engine', 'web-app', 'mobile-app'] as const satisfies readonly RepoKind[]
export type VariantKind = (typeof VARIANT_KINDS)[number]

/** Only what differs for that kind of codebase; anything left out reads as the week's own text. */
export interface WeekVariant {
  readonly theme?: string
  readonly goal?: string
  readonly whyItMatters?: string
  readonly steps?: { readonly [S in StepKey]?: Partial<StepPrompts> }
}

export interface CurriculumWeek {
  /** 1-based position in the programme. */
  readonly number: number
  /** Stable slug that names the theme in the journal (kept when the theme's wording is edited). */
  readonly id: string
  readonly theme: string
  /** What the leader should be able to say or do at the end of the hour. */
  readonly goal: string
  /** One sentence on why a leader, not just an engineer, should care. */
  readonly whyItMatters: string
  readonly steps: { readonly [S in StepKey]: StepPrompts }
  /** The week's text for other kinds of codebase (see VARIANT_KINDS). */
  readonly variants?: { readonly [K in VariantKind]?: WeekVariant }
}

export interface Curriculum {
  readonly version: number
  readonly weeks: readonly CurriculumWeek[]
}
