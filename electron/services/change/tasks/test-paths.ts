// Which paths are tests, by the conventions of the common ecosystems: tests/, __tests__/, spec/
// folders, *.test.* and *.spec.*, Go's _test.go, Python's test_*.py, JUnit's *Test.java. Pure.
import { basename } from 'node:path'

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|test_?)\/|[._-](test|spec)\.[a-z]+$|_test\.go$|^test_|Tests?\.(java|kt|cs|swift)$/i

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path) || TEST_PATH.test(basename(path))
}
