// Whether a pasted key looks like an Anthropic API key, checked before it is saved or sent anywhere:
// Anthropic's keys begin with sk-ant- (API keys sk-ant-api…); an Admin key, an OpenAI key or a
// stray space each get a sentence of their own. Pure; the page and the main process use the same.

/** Where Anthropic API keys are made (opened with the system browser). */
export const ANTHROPIC_KEYS_URL = 'https://console.anthropic.com/settings/keys'

export type ApiKeyFormat = { readonly ok: true } | { readonly ok: false; readonly problem: string }

export function checkApiKeyFormat(key: string): ApiKeyFormat {
  const text = key.trim()
  if (!text) return { ok: false, problem: 'Paste the key first.' }
  if (/\s/.test(text)) return { ok: false, problem: 'An API key has no spaces or line breaks; copy it again from the Anthropic Console.' }
  if (/^sk-ant-admin/i.test(text)) {
    return {
      ok: false,
      problem:
        'That is an Admin key: it manages an organisation but cannot ask Claude anything. Create an API key (it begins with sk-ant-api).',
    }
  }
  if (/^sk-ant-/.test(text))
    return text.length >= 30
      ? { ok: true }
      : { ok: false, problem: 'That key is too short: part of it is missing. Copy the whole key again.' }
  if (/^sk-(proj-|svcacct-|None-)?[A-Za-z0-9_-]{16,}$/.test(text)) {
    return { ok: false, problem: 'That looks like an OpenAI key. Anthropic API keys begin with sk-ant-.' }
  }
  return { ok: false, problem: 'That does not look like an Anthropic API key: they begin with sk-ant-.' }
}
