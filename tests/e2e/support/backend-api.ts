// Calls a channel of the browser-mode backend over its HTTP bridge, as the page does (with the token),
// for tests that set things up or read them back without clicking through the page.
import type { BackendProcess } from './backend-process.ts'

export async function callApi<T>(backend: BackendProcess, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${backend.url}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as T & { error?: unknown }
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`)
  return body
}
