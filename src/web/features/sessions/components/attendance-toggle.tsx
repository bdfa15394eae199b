import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { problemMessage } from '../../../shared/components/problem-message';
import { useMarkAttendance } from '../hooks/use-mark-attendance';

interface AttendanceToggleProps {
  sessionId: string;
  date: string;
  subscriptionId: string;
  clientName: string;
  /** What was marked in this visit; undefined = not marked yet. */
  present: boolean | undefined;
  onMarked: (present: boolean) => void;
}

/** Present / absent for one client on one date, saved at once. */
export function AttendanceToggle({ sessionId, date, subscriptionId, clientName, present, onMarked }: AttendanceToggleProps) {
  const mark = useMarkAttendance(sessionId);
  const save = (value: boolean) =>
    mark.mutate(
      { date, subscriptionId, present: value },
      {
        onSuccess: (saved) => onMarked(saved.present),
        onError: (error) =>
          notifications.show({ color: 'red', title: `Attendance of ${clientName} not saved`, message: problemMessage(error) }),
      },
    );
  return (
    <Button.Group aria-label={`Attendance of ${clientName}`}>
      <Button
        size="compact-sm"
        variant={present === true ? 'filled' : 'default'}
        color="teal"
        aria-pressed={present === true}
        disabled={mark.isPending}
        onClick={() => save(true)}
      >
        Present
      </Button>
      <Button
        size="compact-sm"
        variant={present === false ? 'filled' : 'default'}
        color="gray"
        aria-pressed={present === false}
        disabled={mark.isPending}
        onClick={() => save(false)}
      >
        Absent
      </Button>
    </Button.Group>
  );
}
