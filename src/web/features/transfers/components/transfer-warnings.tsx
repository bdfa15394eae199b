import { Alert, List } from '@mantine/core';
import type { TransferPreviewDto } from '../../../api/types';

/** What staff should know before saving (a time clash, a back-dated move); they may go on. */
export function TransferWarnings({ warnings }: { warnings: TransferPreviewDto['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={warnings.length === 1 ? 'Check before going on' : `Check these ${warnings.length} things before going on`}>
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={warning.code + (warning.sessionName ?? '')}>{warning.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
