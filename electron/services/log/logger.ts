// What every part of the main process logs through: the dispatcher, the backend's background work.
// The file logger implements it; tests pass their own.
export interface Logger {
  error(message: string, error?: unknown): void
  warn(message: string): void
  info(message: string): void
}
