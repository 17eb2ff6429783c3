// The repos domain's public face: the service, the code parser and the tour other domains use. Other domains and
// the composition root import from here, never from the files behind it.
export { createCodeParser, type CodeParser } from './parse/code-parser.ts'
export { declarationsByLines } from './parse/light-extract.ts'
export type { Definition } from './parse/parsed-file.ts'
export { createMemoryRepoStore, type RepoStore } from './repo-store.ts'
export { RepoService } from './repo-service.ts'
export { repoKindOf } from './scan/repo-kind.ts'
export { WorkerRepoWork } from './worker/repo-worker-host.ts'
export type { PhaseBudgets } from './scan/phase-budget.ts'
export { RepoJobs } from './worker/repo-jobs.ts'
export type { RepoWork } from './worker/repo-work.ts'
export { moduleDiagram } from './tour/module-diagram.ts'
export { tourMarkdown } from './tour/tour-markdown.ts'
