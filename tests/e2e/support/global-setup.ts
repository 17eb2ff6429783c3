// Builds the app once before the end-to-end run, so every test serves the same renderer.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error: a plain .mjs script without type declarations
import { build } from '../../../scripts/build.mjs'

export default function globalSetup(): void {
  ;(build as (root: string) => void)(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'))
}
