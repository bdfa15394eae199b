import FullCalendar from '@fullcalendar/react';
import type { DatesSetInfo, EventClickInfo, EventDisplayInfo, EventInput } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './schedule-calendar.css';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { ScheduleEntryDto } from '../../../api/types';
import { useOrganization } from '../../auth/hooks/use-session';
import type { ScheduleView } from '../schedule-period';

// The same objects at every render, so the calendar does not take its options in again.
const plugins = [timeGridPlugin, classicTheme];
const headerToolbar = { start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' };

interface ScheduleCalendarProps {
  entries: ScheduleEntryDto[];
  view: ScheduleView;
  /** A local date inside the period to show. */
  date: string;
  /** The local dates shown, [from, to), in the organization's zone. */
  onPeriodChange: (period: { from: string; to: string; view: ScheduleView; date: string }) => void;
  onOpen: (entry: ScheduleEntryDto) => void;
}

/**
 * Week and day grids in the organization's time zone (FullCalendar 7 places UTC instants in a
 * named zone itself), so 16:00 local shows at 16:00 wherever the browser is. Memoized, with
 * options that keep their identity: the calendar takes in changed options with a render of the
 * whole grid, events included.
 */
export const ScheduleCalendar = memo(function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { entries, view, date } = props;
  const { timeZone, locale } = useOrganization();
  const hours = useMemo(() => businessHours(entries), [entries]);
  const events = useCalendarEvents(entries);
  const { eventContent, eventClick, datesSet } = useCalendarCallbacks(props);

  const settled = useSettled();
  return (
    // Hidden until its own layout has settled: the grid's first frame has half-height rows and no
    // time column (measured after it is drawn), and showing that frame made the page jump.
    <div style={{ height: '100%', visibility: settled ? undefined : 'hidden' }}>
      <FullCalendar
        plugins={plugins}
        initialView={view}
        initialDate={date}
        timeZone={timeZone}
        locale={locale}
        firstDay={1}
        allDaySlot={false}
        nowIndicator
        slotMinTime={hours.first}
        slotMaxTime={hours.last}
        height="100%"
        // Hour rows tall enough for a 45-minute session's name and seats, so a whole afternoon fits without scrolling.
        slotDuration="01:00:00"
        slotMinHeight={48}
        expandRows
        headerToolbar={headerToolbar}
        eventInteractive
        events={events}
        // The time is not drawn (the grid shows it) but read to screen readers: SessionEvent has it
        // from eventTimeText, which formats it once per answer; the calendar's own would, at every render.
        displayEventTime={false}
        eventContent={eventContent}
        eventClick={eventClick}
        datesSet={datesSet}
      />
    </div>
  );
});

/** False for the first frames after mounting, while the calendar measures itself and draws again. */
function useSettled() {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setSettled(true))));
    return () => cancelAnimationFrame(frame);
  }, []);
  return settled;
}

/** The sessions as calendar events, built once per answer, so the calendar's other renders do not take every event in again. */
function useCalendarEvents(entries: ScheduleEntryDto[]) {
  const { timeZone, locale } = useOrganization();
  return useMemo(() => {
    const timeText = eventTimeText(locale, timeZone);
    return entries.map(
      (entry): EventInput => ({
        id: `${entry.sessionId}:${entry.date}`,
        title: entry.sessionName,
        start: entry.startsAt,
        end: entry.endsAt,
        className: [entry.full && 'session-full', entry.status === 'cancelled' && 'session-cancelled'].filter(Boolean).join(' '),
        extendedProps: { entry, timeText: timeText(entry) },
      }),
    );
  }, [entries, locale, timeZone]);
}

/** How an event is drawn, what a click on it does, and the period reported when it changes; the same functions while the props are. */
function useCalendarCallbacks({ onOpen, onPeriodChange }: Pick<ScheduleCalendarProps, 'onOpen' | 'onPeriodChange'>) {
  const eventContent = useCallback(
    (info: EventDisplayInfo) => (
      <SessionEvent
        entry={info.event.extendedProps.entry as ScheduleEntryDto}
        timeText={info.event.extendedProps.timeText as string}
        isShort={info.isShort}
      />
    ),
    [],
  );
  const eventClick = useCallback(
    (info: EventClickInfo) => {
      info.jsEvent.preventDefault();
      onOpen(info.event.extendedProps.entry as ScheduleEntryDto);
    },
    [onOpen],
  );
  const datesSet = useCallback(
    (info: DatesSetInfo) =>
      onPeriodChange({
        // startStr/endStr are ISO in the calendar's zone, so their first ten characters are the local dates.
        from: info.startStr.slice(0, 10),
        to: info.endStr.slice(0, 10),
        view: info.view.type as ScheduleView,
        date: info.startStr.slice(0, 10),
      }),
    [onPeriodChange],
  );
  return { eventContent, eventClick, datesSet };
}

/** From the hour of the earliest session shown to the hour after the latest ends, so no one scrolls to find one. */
function businessHours(entries: ScheduleEntryDto[]) {
  if (entries.length === 0) return { first: '07:00:00', last: '21:00:00' };
  const startHours = (entry: ScheduleEntryDto) => {
    const [hours = 0, minutes = 0] = entry.localStartTime.split(':').map(Number);
    return hours + minutes / 60;
  };
  const lengthHours = (entry: ScheduleEntryDto) => (Date.parse(entry.endsAt) - Date.parse(entry.startsAt)) / 3_600_000;
  const first = Math.floor(Math.min(...entries.map(startHours)));
  const last = Math.ceil(Math.max(...entries.map((e) => startHours(e) + lengthHours(e))));
  const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;
  return { first: hh(first), last: hh(Math.min(24, Math.max(last, first + 1))) };
}

/**
 * "4:00 – 4:45": the calendar's own event time (hours and minutes in the organization's zone,
 * AM/PM dropped with the space before it), with one formatter for all the events.
 */
function eventTimeText(locale: string, timeZone: string) {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return (entry: ScheduleEntryDto) => {
    let text = '';
    for (const part of format.formatRangeToParts(Date.parse(entry.startsAt), Date.parse(entry.endsAt))) {
      if (part.type === 'dayPeriod') text = text.trimEnd() + part.value.replace(/\u200e/g, '').replace(/([ap])\.?m\.?/i, '');
      else if (part.type === 'literal') text += part.value.replace(/\u200e/g, '');
      else text += part.value;
    }
    return text;
  };
}

/** Memoized: the calendar draws each event twice (before and after it measures the grid). */
const SessionEvent = memo(function SessionEvent(props: { entry: ScheduleEntryDto; timeText: string; isShort: boolean }) {
  const { entry, timeText, isShort } = props;
  const seats = `${entry.enrolled}/${entry.capacity}`;
  // The state words come first: in a narrow column the end of a line is what gets cut.
  const seatsText = (
    <>
      {entry.status === 'cancelled' && <strong>CANCELLED </strong>}
      {entry.full && <strong>FULL </strong>}
      {seats}{' '}
    </>
  );
  const spoken = [
    entry.sessionName,
    timeText,
    `${seats} enrolled`,
    entry.full && 'full',
    entry.status === 'cancelled' && 'cancelled',
  ].filter(Boolean);
  return (
    <div className="session-event">
      {/* Screen readers get one sentence; the compact visual lines below would read as fragments. */}
      <span className="session-event-label">{spoken.join(', ')}</span>
      {/* A short (30-minute) session has one line: seats first, so they are never the part cut off. */}
      <div aria-hidden="true" className={isShort ? 'session-event-short' : undefined}>
        <div className="session-event-name" title={entry.sessionName}>
          {isShort && seatsText}
          {entry.sessionName}
        </div>
        {!isShort && <div className="session-event-seats">{seatsText}</div>}
      </div>
    </div>
  );
});
