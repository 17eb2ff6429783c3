// The time zone of the weekly slot: a field that suggests zones as they are typed ("paris", "new york",
// any case) with their offset from UTC, or lists them all (↓ or the button), and takes a zone typed in
// any case or a city alone as the zone it names once the field is left. The ARIA combobox pattern:
// focus stays in the field, ↑/↓ move through the suggestions, Enter takes one, Escape closes them.
import { useRef, useState, type KeyboardEvent } from 'react'
import { matchTimeZones, rememberedOffsets, resolveTimeZone } from './time-zones.ts'

export function TimeZoneField(props: {
  /** The zones to offer (knownTimeZones()). */
  zones: readonly string[]
  id: string
  describedBy: string | undefined
  invalid: boolean
  value: string
  onChange: (zone: string) => void
}) {
  const { zones } = props
  const [offset] = useState(() => rememberedOffsets(new Date()))
  const [open, setOpen] = useState(false)
  /** What was typed since the list opened; null while browsing the whole list. */
  const [typed, setTyped] = useState<string | null>(null)
  const [active, setActive] = useState(-1)
  const listRef = useRef<HTMLUListElement>(null)
  const options = open ? (typed === null ? zones : matchTimeZones(typed, zones)) : []
  const listId = `${props.id}-zones`
  const optionId = (index: number) => `${props.id}-zone-${index}`

  const show = (index: number): void => {
    setActive(index)
    listRef.current?.querySelector(`#${CSS.escape(optionId(index))}`)?.scrollIntoView({ block: 'nearest' })
  }
  const browse = (): void => {
    setOpen(true)
    setTyped(null)
    setActive(Math.max(0, zones.indexOf(props.value)))
    requestAnimationFrame(() => listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }))
  }
  const choose = (zone: string): void => {
    props.onChange(zone)
    setOpen(false)
    setTyped(null)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return browse()
      if (options.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      show((active + step + options.length) % options.length)
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault()
      choose(options[active])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
    }
  }

  return (
    <div className="combobox">
      <div className="combobox__field">
        <input
          id={props.id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid}
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.target.value)
            setTyped(event.target.value)
            setOpen(true)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false)
            const zone = resolveTimeZone(props.value, zones)
            if (zone !== props.value) props.onChange(zone)
          }}
        />
        <button
          type="button"
          className="combobox__toggle"
          tabIndex={-1}
          aria-label="Show all zones"
          aria-controls={listId}
          aria-expanded={open}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (open ? setOpen(false) : browse())}
        >
          ▾
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Zones" className="combobox__list" ref={listRef} hidden={!open || options.length === 0}>
        {options.map((zone, index) => (
          <li
            key={zone}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(zone)}
          >
            <span>{zone.replaceAll('_', ' ')}</span> <span className="muted">{offset(zone)}</span>
          </li>
        ))}
      </ul>
      {/* Over the page like the list, so nothing below moves when it closes. */}
      <p className="combobox__list combobox__empty" role="status" hidden={!(open && typed !== null && options.length === 0)}>
        No time zone matches “{(typed ?? '').trim()}”.
      </p>
    </div>
  )
}
