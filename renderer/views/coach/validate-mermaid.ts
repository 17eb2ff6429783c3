// Checks a Mermaid diagram with Mermaid's own parser before it is shown. Mermaid is large, so it is
// imported only when a diagram needs checking. Never renders; never throws.

import type { MermaidCheck } from '../../stores/coach-store.ts'

export async function validateMermaid(source: string): Promise<MermaidCheck> {
  try {
    const { default: mermaid } = await import('mermaid')
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
    await mermaid.parse(source)
    return { ok: true }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: message.slice(0, 1500) }
  }
}
