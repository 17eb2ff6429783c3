// A row of tabs (the WAI-ARIA tabs pattern's tablist): one button per tab, the chosen one selected,
// each controlling the panel `${idPrefix}panel-${id}`. The caller renders the panel.
export interface TabSpec<T extends string> {
  readonly id: T
  readonly label: string
}

export function Tabs<T extends string>(props: {
  label: string
  idPrefix: string
  tabs: readonly TabSpec<T>[]
  selected: T
  onSelect: (id: T) => void
  children?: React.ReactNode
}) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${props.idPrefix}tab-${tab.id}`}
          aria-selected={props.selected === tab.id}
          aria-controls={`${props.idPrefix}panel-${tab.id}`}
          className="tab"
          onClick={() => props.onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
      {props.children}
    </div>
  )
}
