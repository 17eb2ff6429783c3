// The file-level import edges a scan keeps: those into and out of the key files (capped per file).
// The full graph (often 100,000 edges on a big repository) has already been used for the ranking and
// the module graph; shipping it to the renderer and the cache costs memory and time nobody uses. Pure.
import type { KeyFile } from '../../../../shared/models/repos.ts'

export interface FileEdge {
  readonly from: string
  readonly to: string
}

/** Per key file, at most `perFile` files it imports and `perFile` files importing it. */
export function keyFileEdges(edges: readonly FileEdge[], keyFiles: readonly KeyFile[], perFile = 50): FileEdge[] {
  const wanted = new Set(keyFiles.map((file) => file.path))
  const out = new Map<string, number>()
  const into = new Map<string, number>()
  const kept: FileEdge[] = []
  for (const edge of edges) {
    const fromKey = wanted.has(edge.from) && (out.get(edge.from) ?? 0) < perFile
    const toKey = wanted.has(edge.to) && (into.get(edge.to) ?? 0) < perFile
    if (!fromKey && !toKey) continue
    if (fromKey) out.set(edge.from, (out.get(edge.from) ?? 0) + 1)
    if (toKey) into.set(edge.to, (into.get(edge.to) ?? 0) + 1)
    kept.push(edge)
  }
  return kept
}
