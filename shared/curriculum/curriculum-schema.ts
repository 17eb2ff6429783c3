// The runtime schema of shared/curriculum/weeks.json. It checks shape and the programme's own rules
// (weeks numbered 1..n without gaps, unique themes); it never fixes content silently.
import { z } from 'zod'
import type { Curriculum } from '../models/curriculum.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

export const stepPromptsSchema = z
  .object({
    brief: text(300),
    prompts: z.array(text(600)).min(1, 'needs at least one prompt').max(8, 'at most 8 prompts per step'),
  })
  .strict()

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
  }) satisfies z.ZodType<Curriculum>
