import { Alert, Button, List, Text } from '@mantine/core';
import type { TransferPreviewDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';

interface SuggestedCreditProps {
  quote: TransferPreviewDto['quote'];
  applied: boolean;
  onApply: (credit: { amount: number; reason: string }) => void;
}

/** The credit for paid sessions the client will not attend, with its arithmetic; applied only by choice. */
export function SuggestedCredit({ quote, applied, onApply }: SuggestedCreditProps) {
  const format = useFormat();
  const credit = quote.suggestedCredit;
  if (!credit) {
    return (
      <Text size="sm" c="dimmed">
        No credit suggested: no paid session of the current enrollment falls after its end.
      </Text>
    );
  }
  return (
    <Alert color="blue" title={`Suggested credit: ${format.money(credit.amount)}`}>
      <List size="sm" spacing={2}>
        {credit.arithmetic.map((sentence) => (
          <List.Item key={sentence}>{sentence}</List.Item>
        ))}
      </List>
      <Text size="sm" mt={6}>
        Reason: {credit.reason}
      </Text>
      <Button mt="sm" size="xs" disabled={applied} onClick={() => onApply(credit)}>
        {applied ? 'Credit applied' : `Apply credit of ${format.money(credit.amount)}`}
      </Button>
    </Alert>
  );
}
