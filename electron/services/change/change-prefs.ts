// The small values the change service remembers in the settings file, each with its type: the test
// command per repository, the commit identity entered in Gemba, where Gemba left a branch in each clone
// and the deleted branches whose commits it keeps. Every value is read back through its schema, so a
// hand-edited one that does not fit reads as unset (a record that does not fit is left out).
import { z } from 'zod'
import type { KeyValueStore } from '../settings/index.ts'

const checkoutRecordSchema = z.object({
  branch: z.string(),
  originalBranch: z.string(),
  commit: z.string(),
  sessionId: z.string().nullable(),
  landedAt: z.string(),
})

const keptRecordSchema = z.object({
  repoId: z.string(),
  branch: z.string(),
  commit: z.string(),
  sessionId: z.string().nullable(),
  keptAt: z.string(),
})

/** Where Gemba left a repository's clone on one of its branches, and the branch to go back to. */
export type CheckoutRecord = z.infer<typeof checkoutRecordSchema>
/** A deleted Gemba branch whose commit is kept under refs/gemba/kept/ until the session's journal entry is written. */
export type KeptRecord = z.infer<typeof keptRecordSchema>

/** Those of `items` that fit `schema`. */
function fitting<T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

const prefSchemas = {
  'change.testCommands': z.record(z.string(), z.string()),
  'change.identity': z.object({ name: z.string(), email: z.string() }),
  'change.checkouts': z
    .record(z.string(), z.unknown())
    .transform((records) =>
      Object.fromEntries(
        Object.entries(records).flatMap(([repoId, record]) => fitting(checkoutRecordSchema, [record]).map((fit) => [repoId, fit])),
      ),
    ) as z.ZodType<Readonly<Record<string, CheckoutRecord>>>,
  'change.kept': z.array(z.unknown()).transform((records) => fitting(keptRecordSchema, records)) as z.ZodType<readonly KeptRecord[]>,
} as const

export type ChangePrefValues = { readonly [K in keyof typeof prefSchemas]: z.output<(typeof prefSchemas)[K]> }

export interface ChangePrefs {
  get<K extends keyof ChangePrefValues>(key: K): ChangePrefValues[K] | undefined
  set<K extends keyof ChangePrefValues>(key: K, value: ChangePrefValues[K]): void
}

/** The settings file as ChangePrefs. */
export function changePrefs(store: Pick<KeyValueStore, 'get' | 'set'>): ChangePrefs {
  return {
    get(key) {
      const parsed = prefSchemas[key].safeParse(store.get(key))
      return parsed.success ? (parsed.data as ChangePrefValues[typeof key]) : undefined
    },
    set: (key, value) => store.set(key, value),
  }
}
