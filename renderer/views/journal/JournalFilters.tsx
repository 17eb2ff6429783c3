// Search and filters over the journal: full text, repository, theme, friction tag and dates.
import type { JournalFacet } from '../../stores/journal-facets.ts'
import { useStores } from '../../stores-context.tsx'

function FacetSelect(props: {
  label: string
  all: string
  value: string | undefined
  facets: readonly JournalFacet[]
  onChange: (value: string | undefined) => void
}) {
  return (
    <label className="journal-filter">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(event) => props.onChange(event.target.value || undefined)}>
        <option value="">{props.all}</option>
        {props.facets.map((facet) => (
          <option key={facet.id} value={facet.id}>
            {facet.label} ({facet.count})
          </option>
        ))}
      </select>
    </label>
  )
}

export function JournalFilters() {
  const { useJournal } = useStores()
  const facets = useJournal((state) => state.facets)
  const filter = useJournal((state) => state.filter)
  const query = useJournal((state) => state.query)
  const setFilter = useJournal((state) => state.setFilter)
  const setQuery = useJournal((state) => state.setQuery)
  const clearFilters = useJournal((state) => state.clearFilters)
  const active = query.trim() !== '' || Object.values(filter).some((value) => value)
  return (
    <form className="journal-filters card" role="search" aria-label="Search the journal" onSubmit={(event) => event.preventDefault()}>
      <label className="journal-filter journal-filter--search">
        <span>Search</span>
        <input
          type="search"
          value={query}
          placeholder="Words from any session: walkthrough, change, reflection…"
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <FacetSelect
        label="Repository"
        all="All repositories"
        value={filter.repositoryId}
        facets={facets.repositories}
        onChange={(repositoryId) => setFilter({ repositoryId })}
      />
      <FacetSelect
        label="Theme"
        all="All themes"
        value={filter.themeId}
        facets={facets.themes}
        onChange={(themeId) => setFilter({ themeId })}
      />
      <FacetSelect label="Friction" all="Any friction" value={filter.tag} facets={facets.tags} onChange={(tag) => setFilter({ tag })} />
      <label className="journal-filter">
        <span>From</span>
        <input type="date" value={filter.from ?? ''} onChange={(event) => setFilter({ from: event.target.value || undefined })} />
      </label>
      <label className="journal-filter">
        <span>To</span>
        <input type="date" value={filter.to ?? ''} onChange={(event) => setFilter({ to: event.target.value || undefined })} />
      </label>
      {active ? (
        <button type="button" className="button button--quiet journal-filters__clear" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
    </form>
  )
}
