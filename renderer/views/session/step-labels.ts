// What each step is called on screen.
import type { StepKey } from '../../../shared/models/sessions.ts'

export const STEP_LABELS: Readonly<Record<StepKey, string>> = {
  explore: 'Explore',
  diagram: 'Diagram',
  change: 'Small change',
  reflect: 'Reflect',
}
