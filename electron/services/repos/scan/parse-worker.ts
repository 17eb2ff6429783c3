// The body of a parse-pool worker thread: one tree-sitter parser (default grammar paths, created on
// the first parse) parsing the sources the pool posts, or the history read for a scan, posting back
// the results or the error message. Reads only its grammar files and the repository's git objects;
// never writes anything and never imports 'electron'.
import { parentPort } from 'node:worker_threads'
import { openRepository } from '../../git/history-reads.ts'
import { readHistory, type HistoryRead } from '../history/read-history.ts'
import { createCodeParser, type CodeParser } from '../parse/code-parser.ts'
import { lightExtract } from '../parse/light-extract.ts'
import type { ParsedFile } from '../parse/parsed-file.ts'
import type { ParseJob, ParseReply } from './parse-pool.ts'

const port = parentPort
if (port) {
  let parser: Promise<CodeParser> | undefined
  const work = async (job: ParseJob): Promise<ParsedFile | HistoryRead> => {
    if (job.kind === 'history') {
      const { root, ...history } = job.history
      const repo = await openRepository(root)
      try {
        return await readHistory({
          ...history,
          repo,
          known: new Map(history.known.map((record) => [record.oid, record])),
          shallow: new Set(history.shallow),
        })
      } finally {
        repo.close()
      }
    }
    if (job.kind === 'light') return lightExtract(job.language, job.text, { definitions: job.definitions })
    return (await (parser ??= createCodeParser())).parse(job.language, job.text, { maxBytes: job.maxBytes })
  }
  port.on('message', (job: ParseJob) => {
    work(job)
      .then(
        (value): ParseReply =>
          job.kind === 'history' ? { id: job.id, history: value as HistoryRead } : { id: job.id, file: value as ParsedFile },
        (error: unknown): ParseReply => ({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then((reply) => port.postMessage(reply))
  })
}
