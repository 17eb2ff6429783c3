// The runtime schema of shared/curriculum/weeks.json. It checks shape and the programme's own rules
// (weeks numbered 1..n without gaps, unique themes); it never fixes content silently.
import { z } from 'zod'
import { STEP_KEYS, VARIANT_KINDS, type Curriculum } from '../models/curriculum.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

export const stepPromptsSchema = z
  .object({
    brief: text(300),
    prompts: z.array(text(600)).min(1, 'needs at least one prompt').max(8, 'at most 8 prompts per step'),
  })
  .strict()

/** A week's text for one kind of codebase: only the fields that differ, and at least one of them. */
export const weekVariantSchema = z
  .object({
    theme: text(80).optional(),
    goal: text(400).optional(),
    whyItMatters: text(400).optional(),
    steps: z
      .object(
        Object.fromEntries(STEP_KEYS.map((step) => [step, stepPromptsSchema.partial().optional()])) as Record<
          (typeof STEP_KEYS)[number],
          z.ZodOptional<ReturnType<typeof stepPromptsSchema.partial>>
        >,
      )
      .strict()
      .optional(),
  })
  .strict()
  .refine((variant) => Object.values(variant).some((value) => value !== undefined), 'must change at least one field of the week')

export const curriculumWeekSchema = z
  .object({
    number: z.number().int().min(1),
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "the-deploy-path"')
      .max(60),
    theme: text(80),
    goal: text(400),
    whyItMatters: text(400),
    steps: z
      .object({
        explore: stepPromptsSchema,
        diagram: stepPromptsSchema,
        change: stepPromptsSchema,
        reflect: stepPromptsSchema,
      })
      .strict(),
    variants: z
      .object(
        Object.fromEntries(VARIANT_KINDS.map((kind) => [kind, weekVariantSchema.optional()])) as Record<
          (typeof VARIANT_KINDS)[number],
          z.ZodOptional<typeof weekVariantSchema>
        >,
      )
      .strict()
      .optional(),
  })
  .strict()

export const curriculumSchema = z
  .object({
    version: z.number().int().min(1),
    weeks: z.array(curriculumWeekSchema).min(1, 'needs at least one week').max(52),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.weeks.forEach((week, index) => {
      if (week.number !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['weeks', index, 'number'],
          message: `is ${week.number} but should be ${index + 1}: weeks are numbered 1, 2, 3… in order`,
        })
      }
    })
    for (const field of ['id', 'theme'] as const) {
      const seen = new Map<string, number>()
      value.weeks.forEach((week, index) => {
        const key = week[field].toLowerCase()
        const first = seen.get(key)
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['weeks', index, field],
            message: `repeats the ${field} of week ${first + 1} ("${week[field]}")`,
          })
        } else seen.set(key, index)
      })
    }
    // Each kind of codebase reads a programme of its own: no two of its weeks share a theme.
    for (const kind of VARIANT_KINDS) {
      const seen = new Map<string, number>()
      value.weeks.forEach((week, index) => {
        const theme = (week.variants?.[kind]?.theme ?? week.theme).toLowerCase()
        const first = seen.get(theme)
        if (first !== undefined && week.variants?.[kind]?.theme !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['weeks', index, 'variants', kind, 'theme'],
            message: `repeats the theme week ${first + 1} has for a ${kind} ("${theme}")`,
          })
        } else if (first === undefined) seen.set(theme, index)
      })
    }
  }) satisfies z.ZodType<Curriculum>
