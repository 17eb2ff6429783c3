// The weekly hour's calendar slot: day, start time, length and time zone.
import { useMemo } from 'react'
import { WEEKDAYS, scheduleSchema, type SettingsView, type Weekday } from '../../../shared/models/settings.ts'
import { Field } from '../../components/Field.tsx'
import { formatWallTime } from '../../components/format-time.ts'
import { NumberField } from '../../components/NumberField.tsx'
import { SectionForm } from './SectionForm.tsx'
import { TimeZoneField } from './TimeZoneField.tsx'
import { knownTimeZones, resolveTimeZone } from './time-zones.ts'
import { useSectionDraft } from './use-section-draft.ts'
import { useStores } from '../../stores-context.tsx'

export function ScheduleSection(props: { view: SettingsView }) {
  const { useSettings } = useStores()
  const saving = useSettings((state) => state.saving === 'schedule')
  const error = useSettings((state) => state.errors.schedule)
  const saved = useSettings((state) => state.saved.schedule)
  const update = useSettings((state) => state.update)
  const { draft, change, validate, fieldErrors } = useSectionDraft(scheduleSchema, props.view.schedule)
  const zones = useMemo(() => knownTimeZones(), [])

  return (
    <SectionForm
      title="Your weekly hour"
      description={<p className="muted">The slot Gemba keeps free in your calendar, and reminds you of.</p>}
      saving={saving}
      saved={saved}
      error={error}
      onSubmit={() => {
        // A zone typed in any case, or a city alone, is saved as the zone it names.
        const schedule = validate({ timeZone: resolveTimeZone(draft.timeZone, zones) })
        if (schedule) void update('schedule', { schedule })
      }}
    >
      <div className="field-row">
        <Field label="Day" error={fieldErrors.day}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={draft.day}
              onChange={(event) => change('day', event.target.value as Weekday)}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {day[0]?.toUpperCase()}
                  {day.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Starts at" error={fieldErrors.start}>
          {({ id, describedBy, invalid }) => (
            // A list written the way the rest of Gemba writes times (the OS locale), not the browser's time field.
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={draft.start}
              onChange={(event) => change('start', event.target.value)}
            >
              {slotTimes(draft.start).map((time) => (
                <option key={time} value={time}>
                  {formatWallTime(time)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberField
          label="Length (minutes)"
          error={fieldErrors.minutes}
          min={15}
          max={240}
          step={5}
          value={draft.minutes}
          onChange={(value) => change('minutes', value)}
        />
      </div>
      <Field
        label="Time zone"
        error={fieldErrors.timeZone}
        hint="Type a city or a region (Paris, New York, Europe/…) or pick from the list. The calendar event keeps this zone, so it stays put across daylight-saving changes."
      >
        {({ id, describedBy, invalid }) => (
          <TimeZoneField
            zones={zones}
            id={id}
            describedBy={describedBy}
            invalid={invalid}
            value={draft.timeZone}
            onChange={(zone) => change('timeZone', zone)}
          />
        )}
      </Field>
    </SectionForm>
  )
}

/** Every quarter hour of the day, and the saved time when it is not on one. */
function slotTimes(current: string): string[] {
  const times = Array.from(
    { length: 96 },
    (_, index) => `${String(Math.floor(index / 4)).padStart(2, '0')}:${String((index % 4) * 15).padStart(2, '0')}`,
  )
  return times.includes(current) || !/^\d\d:\d\d$/.test(current) ? times : [...times, current].sort()
}
