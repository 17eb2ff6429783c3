// The body of a parse-pool worker thread: one tree-sitter parser (default grammar paths) parsing the
// sources the pool posts and posting back the results or the error message. Reads only its grammar
// files; never writes anything and never imports 'electron'.
import { parentPort } from 'node:worker_threads'
import { createCodeParser } from '../parse/code-parser.ts'
import type { ParseJob, ParseReply } from './parse-pool.ts'

const port = parentPort
if (port) {
  const parser = createCodeParser()
  port.on('message', (job: ParseJob) => {
    parser
      .then((ready) => ready.parse(job.language, job.text, { maxBytes: job.maxBytes }))
      .then(
        (file): ParseReply => ({ id: job.id, file }),
        (error: unknown): ParseReply => ({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then((reply) => port.postMessage(reply))
  })
}
