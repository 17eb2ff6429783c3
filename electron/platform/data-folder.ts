// Where Gemba keeps its data: GEMBA_HOME when set (tests always set it), else the folder Electron's
// app.getPath('userData') names for an app called Gemba, so desktop and browser mode share it.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_NAME = 'Gemba'

export function resolveDataFolder(env: Readonly<Record<string, string | undefined>>, platform = process.platform): string {
  const explicit = env.GEMBA_HOME?.trim()
  if (explicit) return resolve(explicit)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}
