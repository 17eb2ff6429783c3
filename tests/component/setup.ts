// Each component test starts on an empty page.
import { afterEach } from 'vitest'
import { unmountViews } from '../fixtures/render-view.tsx'

afterEach(() => unmountViews())
