// A section's draft: starts from the saved settings, validates with the same zod schema the main
// process uses, and maps its issues to field names for the form.
import { useState } from 'react'
import type { z } from 'zod'

export function useSectionDraft<S extends z.ZodType>(schema: S, initial: z.input<S>) {
  const [draft, setDraft] = useState<z.input<S>>(initial)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  const change = <K extends keyof z.input<S>>(key: K, value: z.input<S>[K]): void => {
    setDraft((current) => ({ ...(current as object), [key]: value }) as z.input<S>)
    setFieldErrors((current) => ({ ...current, [key as string]: '' }))
  }

  /** The parsed value (of the draft with `patch` applied), or null after showing the field errors. */
  const validate = (patch: Partial<z.input<S>> = {}): z.output<S> | null => {
    const result = schema.safeParse({ ...(draft as object), ...patch })
    if (result.success) {
      setFieldErrors({})
      return result.data
    }
    const errors: Record<string, string> = {}
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '')
      errors[key] ??= issue.message
    }
    setFieldErrors(errors)
    return null
  }

  return { draft, change, validate, fieldErrors, setDraft }
}
