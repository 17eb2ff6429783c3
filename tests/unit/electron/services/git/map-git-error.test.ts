// One error mapper for the git layer: file-system and isomorphic-git errors become GembaErrors with a
// sentence and a next step; a GembaError passes through; nothing unknown is hidden.
import { describe, expect, it } from 'vitest'
import { mapGitError } from '../../../../../electron/services/git/map-git-error.ts'
import { GembaError } from '../../../../../shared/errors.ts'

const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code} happened`), { code, ...extra })

describe('mapGitError', () => {
  it.each([
    [coded('EACCES', { path: '/r/.git/index' }), 'storage', 'Gemba could not land the change: permission was denied (/r/.git/index).'],
    [coded('ENOSPC'), 'storage', 'Gemba could not land the change: the disk is full.'],
    [coded('EROFS'), 'storage', 'Gemba could not land the change: the repository is on a read-only disk.'],
    [coded('NotFoundError', { data: { what: 'refs/heads/x' } }), 'repository_broken', 'Gemba could not land the change: git has no refs/heads/x.'],
    [coded('AlreadyExistsError', { data: { what: 'gemba/x' } }), 'conflict', 'Gemba could not land the change: gemba/x already exists.'],
    [coded('CheckoutConflictError', { data: { filepaths: ['a.ts'] } }), 'dirty_working_tree', 'Gemba could not land the change: your edits would be overwritten (a.ts).'],
    [new TypeError('oops'), 'internal', 'Gemba could not land the change: oops.'],
  ])('%s', (error, code, message) => {
    const mapped = mapGitError(error, 'land the change')
    expect(mapped).toBeInstanceOf(GembaError)
    expect(mapped.code).toBe(code)
    expect(mapped.message).toBe(message)
    expect(mapped.next).toBeTruthy()
    expect(mapped.cause).toBe(error)
  })

  it('passes a GembaError through as it is', () => {
    const error = new GembaError({ code: 'refused', message: 'No.' })
    expect(mapGitError(error, 'x')).toBe(error)
  })
})
