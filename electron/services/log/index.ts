// The log's public face: the Logger port and the file logger that scrubs secrets before writing.
export { FileLogger } from './file-logger.ts'
export type { Logger } from './logger.ts'
