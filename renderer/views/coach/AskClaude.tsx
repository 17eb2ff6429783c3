// The Repositories screen's "Ask Claude" panel: explore and diagram with the coach, outside a session.
import { useState } from 'react'
import { Tabs } from '../../components/Tabs.tsx'
import { DiagramCoach } from './DiagramCoach.tsx'
import { ExploreCoach } from './ExploreCoach.tsx'

const COACH_TABS = [
  { id: 'explore', label: 'Explore' },
  { id: 'diagram', label: 'Architecture diagram' },
] as const

export function AskClaude(props: { repoId: string }) {
  const [tab, setTab] = useState<'explore' | 'diagram'>('explore')
  return (
    <div className="ask-claude">
      <Tabs label="Ask Claude" idPrefix="coach-" tabs={COACH_TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel" id={`coach-panel-${tab}`} aria-labelledby={`coach-tab-${tab}`}>
        {tab === 'explore' ? (
          <ExploreCoach key={props.repoId} repoId={props.repoId} />
        ) : (
          <DiagramCoach key={props.repoId} repoId={props.repoId} />
        )}
      </div>
    </div>
  )
}
