// Whether bytes are a binary file's rather than text (git's own heuristic: a NUL byte in the first
// 8 kB). Pure; what the repository tools, the change's staged copy and its diff views skip.

export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0)
}
