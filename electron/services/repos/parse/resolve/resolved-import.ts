// What a resolver says about one import: the repository files it reaches, or why it reaches none.
export type ResolvedImport =
  | { readonly status: 'resolved'; readonly files: readonly string[] }
  /** Looked like a repository path (relative, or under the module's own name) but no file matched. */
  | { readonly status: 'unresolved' }
  /** A dependency or the standard library. */
  | { readonly status: 'external' }
