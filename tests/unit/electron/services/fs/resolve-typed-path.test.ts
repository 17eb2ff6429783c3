import { describe, expect, it } from 'vitest'
import { resolveTypedPath } from '../../../../../electron/services/fs/resolve-typed-path.ts'

describe('resolveTypedPath', () => {
  it('reads ~ and relative paths from the home folder and drops trailing slashes', () => {
    expect(resolveTypedPath('~', '/home/ada')).toBe('/home/ada')
    expect(resolveTypedPath(' ~/code/payments/ ', '/home/ada')).toBe('/home/ada/code/payments')
    expect(resolveTypedPath('code/payments', '/home/ada')).toBe('/home/ada/code/payments')
    expect(resolveTypedPath('/srv/repos/shop//', '/home/ada')).toBe('/srv/repos/shop')
    expect(() => resolveTypedPath('code/payments', undefined)).toThrow(/not a full path/)
  })
})
