// The Repositories screen's "Ask Claude" panel: explore and diagram with the coach, outside a session.
import { useState } from 'react'
import { DiagramCoach } from './DiagramCoach.tsx'
import { ExploreCoach } from './ExploreCoach.tsx'

export function AskClaude(props: { repoId: string }) {
  const [tab, setTab] = useState<'explore' | 'diagram'>('explore')
  return (
    <div className="ask-claude">
      <div className="tabs" role="tablist" aria-label="Ask Claude">
        <button type="button" role="tab" id="coach-tab-explore" aria-selected={tab === 'explore'} aria-controls="coach-panel-explore" className="tab" onClick={() => setTab('explore')}>
          Explore
        </button>
        <button type="button" role="tab" id="coach-tab-diagram" aria-selected={tab === 'diagram'} aria-controls="coach-panel-diagram" className="tab" onClick={() => setTab('diagram')}>
          Architecture diagram
        </button>
      </div>
      <div role="tabpanel" id={`coach-panel-${tab}`} aria-labelledby={`coach-tab-${tab}`}>
        {tab === 'explore' ? <ExploreCoach key={props.repoId} repoId={props.repoId} /> : <DiagramCoach key={props.repoId} repoId={props.repoId} />}
      </div>
    </div>
  )
}
