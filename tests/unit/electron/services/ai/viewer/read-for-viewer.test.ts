// The leader's file viewer: a file over the size limit is refused before it is read (a sparse 3 GiB
// file must neither fail with a 500 nor grow the process), a link is withheld as what it points at,
// and a file under the limit is streamed, redacted, in full.
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../../electron/services/secrets/secret-redactor.ts'
import { MAX_VIEW_BYTES, readForViewer } from '../../../../../../electron/services/ai/viewer/read-for-viewer.ts'
import { workingTreeSnapshot } from '../../../../../../electron/services/git/git-layer.ts'

let root: string
const signal = new AbortController().signal
const redactor = new SecretRedactor()

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gemba-viewer-'))
  await mkdir(join(root, '.git'))
  await mkdir(join(root, 'deploy'))
  await mkdir(join(root, 'ops'))
  await writeFile(join(root, 'huge.log'), '')
  await truncate(join(root, 'huge.log'), 3 * 1024 ** 3)
  await writeFile(join(root, 'deploy', '.netrc'), 'machine ci login deploy password Nq7-x2Lp9Vw4\n')
  await symlink('../deploy/.netrc', join(root, 'ops', 'ci-credentials.txt'))
  await writeFile(join(root, 'app.py'), `API_KEY = "${'Zk8Qw3Rt6Yu9' + 'Lp2Xc7Vb'}"\n${'x = 1\n'.repeat(1000)}`)
})

afterAll(() => rm(root, { recursive: true, force: true }))

describe('readForViewer', () => {
  it('refuses a file over the limit without reading it', async () => {
    const before = process.memoryUsage().rss
    await expect(readForViewer(workingTreeSnapshot(root), 'huge.log', redactor, signal)).rejects.toMatchObject({
      code: 'refused',
      message: `huge.log is 3.0 GB, larger than the ${MAX_VIEW_BYTES / 1024 / 1024}.0 MB Gemba's viewer shows.`,
      next: 'Open it in your editor instead.',
    })
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('withholds a link with an innocent name that leads to a credential file', async () => {
    const view = await readForViewer(workingTreeSnapshot(root), 'ops/ci-credentials.txt', redactor, signal)
    expect(view).toMatchObject({ kind: 'file', withheld: 'credentials-file', text: '' })
    expect(JSON.stringify(view)).not.toContain('Nq7-x2Lp9Vw4')
  })

  it('streams a file under the limit whole, with the secret value redacted and the line kept', async () => {
    const view = await readForViewer(workingTreeSnapshot(root), 'app.py', redactor, signal)
    expect(view.kind === 'file' && view.text.split('\n')[0]).toBe('API_KEY = "[redacted by Gemba: secret-assignment]"')
    expect(view).toMatchObject({ lines: 1001, truncated: false, redactions: [{ path: 'app.py', line: 1, rule: 'secret-assignment' }] })
  })
})
