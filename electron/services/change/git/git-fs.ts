// The git layer's atomic file system, for the change domain's git files until they move into it.
export { gitFs } from '../../git/index.ts'
