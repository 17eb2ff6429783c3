// Small missing validations a reader can see on one line: JavaScript's parseInt without a radix (and
// so without a check of what it parsed), Python turning an environment variable or request field into
// a number with no message for a bad value, Go discarding strconv's error. Each is a real, tiny change
// with an obvious test. Pure: the caller gives the file's text.

export interface ValidationGap {
  readonly path: string
  readonly line: number
  readonly title: string
  readonly description: string
}

interface Detector {
  readonly applies: RegExp
  readonly pattern: RegExp
  readonly title: (match: RegExpExecArray, file: string) => string
  readonly description: (match: RegExpExecArray, where: string) => string
}

const DETECTORS: readonly Detector[] = [
  {
    applies: /\.(m|c)?(j|t)sx?$/,
    pattern: /\bparseInt\(\s*([^,()]+?)\s*\)/,
    title: (match) => `Check what parseInt(${match[1]}) parsed`,
    description: (match, where) =>
      `\`parseInt(${match[1]})\` at ${where} has no radix and nothing rejects a value that is not a number (it becomes NaN and travels on). Pass 10, reject NaN with a clear error, and add a test for a bad value.`,
  },
  {
    applies: /\.py$/,
    pattern:
      /\b(int|float)\(\s*(os\.environ\[[^\]]+\]|os\.environ\.get\([^)]*\)|os\.getenv\([^)]*\)|request\.(?:args|form|GET|POST|query_params)[^)]*)\)/,
    title: (match) => `A clear error when ${match[2]} is not a number`,
    description: (match, where) =>
      `\`${match[1]}(${match[2]})\` at ${where} raises a bare ValueError when the value is not a number. Catch it and say which setting or field was wrong, and add a test for a bad value.`,
  },
  {
    applies: /\.go$/,
    pattern: /\b(\w+),\s*_\s*:?=\s*strconv\.(Atoi|ParseInt|ParseUint|ParseFloat|ParseBool)\(/,
    title: (match) => `Handle strconv.${match[2]}'s error for ${match[1]}`,
    description: (match, where) =>
      `At ${where} the error from \`strconv.${match[2]}\` is thrown away, so a bad value silently becomes its zero value. Return (or report) the error, and add a test for a bad value.`,
  },
]

export function validationGaps(path: string, text: string): ValidationGap[] {
  const gaps: ValidationGap[] = []
  for (const detector of DETECTORS) {
    if (!detector.applies.test(path)) continue
    const lines = text.split('\n')
    for (const [index, line] of lines.entries()) {
      if (/^\s*(\/\/|#|\*)/.test(line)) continue
      const match = detector.pattern.exec(line)
      if (!match) continue
      // Already checked just before or after (a pattern test, isNaN, an error check): no gap.
      const around = lines.slice(Math.max(0, index - 4), index + 4).join('\n')
      if (/\.test\(|isNaN|Number\.is(Integer|Finite|NaN)|except\s+ValueError|err\s*!=\s*nil/.test(around)) continue
      const where = `${path}:${index + 1}`
      gaps.push({ path, line: index + 1, title: detector.title(match, path), description: detector.description(match, where) })
    }
  }
  return gaps
}
