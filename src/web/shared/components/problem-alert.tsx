import { Alert } from '@mantine/core';
import { allFieldsShown, fieldErrors } from '../forms/field-errors';
import { problemMessage } from './problem-message';

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  /**
   * On a form: the request paths of the fields it shows messages beside (e.g. "body.capacity").
   * When every field the API named is among them, the alert points there instead of repeating them.
   */
  shownFields?: readonly string[];
  /** What the alert says then. */
  fieldsHint?: string;
}

/** A refused or failed action, in the API's words, announced to screen readers. */
export function ProblemAlert(props: ProblemAlertProps) {
  const { error, title = 'Not done', shownFields, fieldsHint = 'Correct the fields marked in red and try again.' } = props;
  if (!error) return null;
  const onlyFields = shownFields !== undefined && allFieldsShown(fieldErrors(error), shownFields);
  return (
    <Alert color="red" title={title} role="alert">
      {onlyFields ? fieldsHint : problemMessage(error)}
    </Alert>
  );
}
