import { Alert } from '@mantine/core';
import { problemMessage } from './problem-message';

/** A refused or failed action, in the API's words, announced to screen readers. */
export function ProblemAlert({ error, title = 'Not done' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {problemMessage(error)}
    </Alert>
  );
}
