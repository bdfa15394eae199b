import FullCalendar from '@fullcalendar/react';
import type { DatesSetInfo, EventDisplayInfo, EventInput } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './schedule-calendar.css';
import { VisuallyHidden } from '@mantine/core';
import type { ScheduleEntryDto } from '../../../api/types';
import { useOrganization } from '../../auth/hooks/use-session';

export type ScheduleView = 'timeGridWeek' | 'timeGridDay';

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
 * named zone itself), so 16:00 local shows at 16:00 wherever the browser is.
 */
export function ScheduleCalendar({ entries, view, date, onPeriodChange, onOpen }: ScheduleCalendarProps) {
  const { timeZone, locale } = useOrganization();
  const hours = businessHours(entries);
  const events: EventInput[] = entries.map((entry) => ({
    id: `${entry.sessionId}:${entry.date}`,
    title: entry.sessionName,
    start: entry.startsAt,
    end: entry.endsAt,
    className: [entry.full && 'session-full', entry.status === 'cancelled' && 'session-cancelled'].filter(Boolean).join(' '),
    extendedProps: { entry },
  }));

  return (
    <FullCalendar
      plugins={[timeGridPlugin, classicTheme]}
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
      headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' }}
      eventInteractive
      events={events}
      eventContent={(info) => <SessionEvent info={info} />}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        onOpen(info.event.extendedProps.entry as ScheduleEntryDto);
      }}
      datesSet={(info: DatesSetInfo) =>
        onPeriodChange({
          // startStr/endStr are ISO in the calendar's zone, so their first ten characters are the local dates.
          from: info.startStr.slice(0, 10),
          to: info.endStr.slice(0, 10),
          view: info.view.type as ScheduleView,
          date: info.startStr.slice(0, 10),
        })
      }
    />
  );
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

function SessionEvent({ info }: { info: EventDisplayInfo }) {
  const entry = info.event.extendedProps.entry as ScheduleEntryDto;
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
    info.timeText,
    `${seats} enrolled`,
    entry.full && 'full',
    entry.status === 'cancelled' && 'cancelled',
  ].filter(Boolean);
  return (
    <div className="session-event">
      {/* Screen readers get one sentence; the compact visual lines below would read as fragments. */}
      <VisuallyHidden>{spoken.join(', ')}</VisuallyHidden>
      {/* A short (30-minute) session has one line: seats first, so they are never the part cut off. */}
      <div aria-hidden="true" className={info.isShort ? 'session-event-short' : undefined}>
        <div className="session-event-name" title={entry.sessionName}>
          {info.isShort && seatsText}
          {entry.sessionName}
        </div>
        {!info.isShort && <div className="session-event-seats">{seatsText}</div>}
      </div>
    </div>
  );
}
