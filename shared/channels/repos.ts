// Repository channels: add, list, remove, describe, scan (with progress) and the offline tour.
import { z } from 'zod'
import { channel } from '../contract.ts'
import type { RepoTour, RepoView, ScanResult } from '../models/repos.ts'

const repoId = z.string().min(1).max(100)

export const reposChannels = {
  list: channel<readonly RepoView[]>()({
    description: 'The repositories the leader added, each with its branch, last commit and clean/dirty state.',
    input: z.object({}).strict(),
  }),
  add: channel<RepoView>()({
    description: 'Adds a local git repository by the path of its folder, after checking that it is one.',
    input: z
      .object({
        path: z.string().trim().min(1, 'Choose the folder of a git repository.').max(4096),
      })
      .strict(),
  }),
  remove: channel<{ readonly removed: boolean }>()({
    description: 'Forgets a repository (nothing on disk is touched apart from its cached scan).',
    input: z.object({ id: repoId }).strict(),
  }),
  info: channel<RepoView>()({
    description: 'One repository: branch, last commit, clean/dirty state and any problem.',
    input: z.object({ id: repoId }).strict(),
  }),
  scan: channel<ScanResult>()({
    description:
      'Scans the repository (files, languages, manifests, modules, imports, history, key files). Cached by HEAD and working-tree state.',
    input: z.object({ id: repoId, force: z.boolean().optional() }).strict(),
    events: ['repos.scanProgress'],
  }),
  tour: channel<RepoTour>()({
    description: 'A Markdown tour and a Mermaid diagram computed from the repository alone (no AI).',
    input: z.object({ id: repoId }).strict(),
    events: ['repos.scanProgress'],
  }),
} as const
