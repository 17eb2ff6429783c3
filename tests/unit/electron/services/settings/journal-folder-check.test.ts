// The operating system's own folders by platform, judged on the real path: a folder inside one is the
// system's; a folder of the leader's own (home, temp, another disk) is not.
import { describe, expect, it } from 'vitest'
import { systemFolderOf } from '../../../../../electron/services/settings/journal-folder-check.ts'

describe('systemFolderOf', () => {
  it.each([
    ['/etc', 'linux', '/etc'],
    ['/proc/4242', 'linux', '/proc'],
    ['/usr/local/share/notes', 'linux', '/usr'],
    ['/', 'linux', '/'],
    ['/var/lib/gemba', 'linux', '/var/lib'],
    ['/System/Library', 'darwin', '/System'],
    ['/private/etc', 'darwin', '/private/etc'],
    ['C:\\Windows\\System32', 'win32', '\\windows'],
    ['D:\\Program Files (x86)\\Tool', 'win32', '\\program files (x86)'],
    ['C:\\', 'win32', 'C:\\'],
  ] as const)('%s on %s is inside %s', (path, platform, system) => {
    expect(systemFolderOf(path, platform)).toBe(system)
  })

  it.each([
    ['/home/lee/Gemba journal', 'linux'],
    ['/tmp/journal', 'linux'],
    ['/etcetera', 'linux'],
    ['/var/tmp/journal', 'linux'],
    ['/private/var/folders/xy/T/journal', 'darwin'],
    ['/Users/lee/Documents/Journal', 'darwin'],
    ['C:\\Users\\lee\\Documents\\Journal', 'win32'],
    ['E:\\Windows backups\\journal', 'win32'],
  ] as const)('%s on %s is the leader’s own', (path, platform) => {
    expect(systemFolderOf(path, platform)).toBeNull()
  })
})
