// Repository channels: add, list, remove, describe, scan (with progress) and the offline tour.
import { z } from 'zod'
import { channel } from '../contract.ts'
import type { FolderListing, FolderSuggestions, RepoAdded, RepoTour, RepoView, ScanResult } from '../models/repos.ts'

const repoId = z.string().min(1).max(100)

export const reposChannels = {
  list: channel<readonly RepoView[]>()({
    description: 'The repositories the leader added, each with its branch, last commit and clean/dirty state.',
    input: z.object({}).strict(),
  }),
  add: channel<RepoAdded>()({
    description:
      'Adds the local git repository a folder belongs to (~ and relative paths read from the home folder); says when it was already in the list, the folder was inside one, or it is another worktree of one.',
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
  folders: channel<FolderListing>()({
    description:
      'The folders inside a folder under the home folder (the home folder itself by default), for the browser-mode folder picker. Never lists, or follows a link to, anything outside the home folder.',
    input: z.object({ path: z.string().trim().max(4096).optional() }).strict(),
  }),
  suggestions: channel<FolderSuggestions>()({
    description:
      'Where the folder picker starts: the folders of repositories already added, and repositories found within two levels of ~/code, ~/src, ~/projects, ~/work, ~/dev, ~/git and ~/repos.',
    input: z.object({}).strict(),
  }),
  tour: channel<RepoTour>()({
    description: 'A Markdown tour and a Mermaid diagram computed from the repository alone (no AI).',
    input: z.object({ id: repoId }).strict(),
    events: ['repos.scanProgress'],
  }),
} as const
