// A change's diff as it leaves the leader's view: each side of each file redacted as that file, so the
// principles that need a file's kind or a neighbouring line (a plist key above its value, a name with a
// word after the credential word, a Gradle signing block) hold in a diff as in the file.
import { describe, expect, it } from 'vitest'
import { fileDiff } from '../../../../../../electron/services/change/diffs/file-diff.ts'
import { redactedDiff } from '../../../../../../electron/services/change/diffs/redact-diff.ts'
import { SecretRedactor } from '../../../../../../electron/services/secrets/secret-redactor.ts'
import { randomString } from '../../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const TOKEN = randomString(ALNUM, 32, 130)
const PASSWORD = `${randomString(ALNUM, 7, 131)}-${randomString(ALNUM, 4, 132)}!9`

describe('redactedDiff', () => {
  it('redacts what each file holds, on both sides', async () => {
    const files = [
      fileDiff('ios/App/Config.plist', '<dict>\n</dict>\n', `<dict>\n\t<key>ApiToken</key>\n\t<string>${TOKEN}</string>\n</dict>\n`),
      fileDiff('deploy/app.env.sample', `DB_PASSWORD_OLD=${PASSWORD}\nPORT=5432\n`, 'PORT=5432\n'),
      fileDiff(
        'app/build.gradle',
        'signingConfigs {\n  release {\n  }\n}\n',
        `signingConfigs {\n  release {\n    storePassword "${PASSWORD}x"\n  }\n}\n`,
      ),
    ]
    const diff = await redactedDiff(new SecretRedactor(), files)
    expect(diff).not.toContain(TOKEN)
    expect(diff).not.toContain(PASSWORD)
    expect(diff).toContain('-DB_PASSWORD_OLD=[redacted by Gemba: password-assignment]')
    expect(diff).toContain('+\t<key>ApiToken</key>')
  })
})
