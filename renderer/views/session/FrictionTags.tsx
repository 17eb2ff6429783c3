// Friction the team lives with, as tags: the known ones as toggles, plus the leader's own.
import { useState, type FormEvent } from 'react'
import { KNOWN_FRICTION_TAGS, type Session } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'

const LABELS: Readonly<Record<string, string>> = {
  'slow-tests': 'Slow tests',
  'flaky-ci': 'Flaky CI',
  'unclear-docs': 'Unclear docs',
  'setup-pain': 'Setup pain',
  'long-review-wait': 'Long review wait',
  'deploy-pain': 'Deploy pain',
}

/** "No staging env!" → "no-staging-env": the tag form the journal accepts. */
export function toTag(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

export function FrictionTags(props: { session: Session }) {
  const { useSessionRunner } = useStores()
  const tags = props.session.steps.reflect.payload.frictionTags
  const updateStep = useSessionRunner((state) => state.updateStep)
  const [own, setOwn] = useState('')
  const save = (next: readonly string[]): void => void updateStep('reflect', { frictionTags: [...next] })
  const toggle = (tag: string): void => save(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])
  const add = (event: FormEvent): void => {
    event.preventDefault()
    const tag = toTag(own)
    if (tag && !tags.includes(tag)) save([...tags, tag])
    setOwn('')
  }
  const custom = tags.filter((tag) => !(KNOWN_FRICTION_TAGS as readonly string[]).includes(tag))
  return (
    <section className="card friction" aria-labelledby="friction-title">
      <h3 id="friction-title">Friction your team lives with</h3>
      <div className="friction__tags" role="group" aria-label="Friction tags">
        {[...KNOWN_FRICTION_TAGS, ...custom].map((tag) => (
          <label key={tag} className={`tag-toggle ${tags.includes(tag) ? 'tag-toggle--on' : ''}`}>
            <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggle(tag)} />
            {LABELS[tag] ?? tag}
          </label>
        ))}
      </div>
      <form className="friction__own" onSubmit={add}>
        <label htmlFor="friction-own">Your own</label>
        <input id="friction-own" value={own} placeholder="e.g. no staging environment" onChange={(event) => setOwn(event.target.value)} />
        <button type="submit" className="button" disabled={toTag(own) === ''}>
          Add tag
        </button>
      </form>
    </section>
  )
}
