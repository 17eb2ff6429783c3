// The 12-week programme as plain data: what each week is about and what to ask at each step.
// The content lives in shared/curriculum/weeks.json; this file only names its shape.

export const STEP_KEYS = ['explore', 'diagram', 'change', 'reflect'] as const
export type StepKey = (typeof STEP_KEYS)[number]

export interface StepPrompts {
  /** One line: what to do in this step this week. */
  readonly brief: string
  /** Prompts to paste into the coach (or ask yourself offline), in the order to try them. */
  readonly prompts: readonly string[]
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
}

export interface Curriculum {
  readonly version: number
  readonly weeks: readonly CurriculumWeek[]
}
