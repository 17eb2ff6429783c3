// Credentials out of anything Gemba says about a remote: the user and password of a URL
// (https://user:token@host → https://host) wherever one appears in a text, and the remote's own
// user and password wherever else they turn up (git may echo them decoded). What is said to the
// leader, written to the log or sent to the page about a push goes through here first. Pure.

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"<>]+@/gi

/** The user and password a remote URL carries (decoded as git would use them), if any. */
export function credentialsIn(remoteUrl: string): string[] {
  try {
    const parsed = new URL(remoteUrl)
    const found = [parsed.username, parsed.password].filter((part) => part.length >= 3)
    return [...new Set(found.flatMap((part) => [part, safeDecode(part)]))]
  } catch {
    return []
  }
}

/** `text` with every URL's user and password removed, and each of `secrets` masked. */
export function withoutCredentials(text: string, secrets: readonly string[] = []): string {
  let clean = text.replace(URL_USERINFO, '$1')
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) clean = clean.split(secret).join('•••')
  return clean
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
