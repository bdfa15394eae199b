import { Button, type ButtonProps } from '@mantine/core';
import { useCan } from '../../auth/hooks/use-permission';
import type { EnrollStart } from '../enroll-start';
import { useStartEnrollment } from '../hooks/use-start-enrollment';

/** "Enroll a client" wherever a session, a date or a client is on screen; staff who may not enroll do not see it. */
export function EnrollButton({ start, label, ...props }: ButtonProps & { start: EnrollStart; label: string }) {
  const can = useCan();
  const startEnrollment = useStartEnrollment();
  if (!can('enrollment.write')) return null;
  return (
    <Button size="xs" {...props} onClick={() => startEnrollment(start)}>
      {label}
    </Button>
  );
}
