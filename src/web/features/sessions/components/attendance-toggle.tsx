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
  const markButton = (value: boolean, label: string, color: string) => (
    <Button
      size="compact-sm"
      variant={present === value ? 'filled' : 'default'}
      color={color}
      aria-pressed={present === value}
      disabled={mark.isPending}
      onClick={() => save(value)}
    >
      {label}
    </Button>
  );
  return (
    <Button.Group aria-label={`Attendance of ${clientName}`}>
      {markButton(true, 'Present', 'teal')}
      {markButton(false, 'Absent', 'gray')}
    </Button.Group>
  );
}
