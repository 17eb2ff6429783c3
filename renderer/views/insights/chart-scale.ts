// Linear scales and "nice" axis ticks for the hand-drawn SVG charts. Pure.

export type Scale = (value: number) => number

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0 || 1
  return (value) => r0 + ((value - d0) / span) * (r1 - r0)
}

/** About `count` round tick values covering [0, max]. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0]
  const raw = max / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? raw
  const ticks: number[] = []
  for (let value = 0; value <= max + step * 0.001; value += step) ticks.push(Math.round(value * 1000) / 1000)
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Math.round(ticks.length * step * 1000) / 1000)
  return ticks
}
