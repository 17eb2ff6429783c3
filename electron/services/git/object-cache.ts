// A least-recently-used cache of decompressed git objects, bounded by bytes: delta bases are read
// again and again along a chain, so keeping the recent ones makes a history read linear. Memory only.

export interface RawObject {
  readonly type: 'commit' | 'tree' | 'blob' | 'tag'
  readonly data: Buffer
}

export class ObjectCache {
  private readonly entries = new Map<string, RawObject>()
  private readonly budget: number
  private bytes = 0

  constructor(budgetBytes: number) {
    this.budget = budgetBytes
  }

  get(key: string): RawObject | undefined {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  set(key: string, object: RawObject): void {
    if (object.data.length > this.budget / 4 || this.entries.has(key)) return
    this.entries.set(key, object)
    this.bytes += object.data.length
    while (this.bytes > this.budget) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.bytes -= this.entries.get(oldest)?.data.length ?? 0
      this.entries.delete(oldest)
    }
  }
}
