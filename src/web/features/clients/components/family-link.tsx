import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A family's name linking to its page (invoices, statement, balance); staff who may not see it get the name alone. */
export function FamilyLink({ family, children, linked = true, ...props }: AnchorProps & {
  family: { id: string; name: string };
  children?: ReactNode;
  /** False when the person may not open family pages (instructors). */
  linked?: boolean;
}) {
  if (!linked)
    return (
      <span title={family.name} className="truncate">
        {children ?? family.name}
      </span>
    );
  return (
    <Anchor component={Link} to={`/families/${family.id}`} size="sm" title={family.name} className="truncate" {...props}>
      {children ?? family.name}
    </Anchor>
  );
}
