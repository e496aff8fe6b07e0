'use client';

import { ActionIcon, Button } from '@mantine/core';
import type { ActionProps } from 'react-querybuilder';

/** Small line icons (system fonts lack some of react-querybuilder's glyphs, such as ⧉). */
const ICONS: Record<string, string> = {
  'remove-rule': 'M6 6l12 12M18 6L6 18',
  'remove-group': 'M6 6l12 12M18 6L6 18',
  'clone-rule': 'M8 8h11v11H8zM5 16V5h11',
  'clone-group': 'M8 8h11v11H8zM5 16V5h11',
};

/**
 * react-querybuilder's buttons: "+ Condition" / "+ Group" as light text buttons, remove and clone as
 * icon buttons that keep their accessible name (the translated title).
 */
export function ActionControl(props: ActionProps) {
  // handleOnClick is declared as a method of ActionProps: called on props, not taken off them.
  const { className, label, title, disabled, disabledTranslation, testID } = props;
  const shownTitle = disabledTranslation && disabled ? disabledTranslation.title : title;
  const icon = testID ? ICONS[testID] : undefined;
  if (icon) {
    return (
      <ActionIcon
        variant="subtle"
        color={testID?.startsWith('remove') ? 'red' : 'gray'}
        size="md"
        className={className}
        title={shownTitle}
        aria-label={shownTitle}
        data-testid={testID}
        disabled={disabled && !disabledTranslation}
        onClick={(e) => props.handleOnClick(e)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d={icon} />
        </svg>
      </ActionIcon>
    );
  }
  return (
    <Button variant="light" size="compact-sm" className={className} title={shownTitle} data-testid={testID} disabled={disabled && !disabledTranslation} onClick={(e) => props.handleOnClick(e)}>
      {disabledTranslation && disabled ? disabledTranslation.label : label}
    </Button>
  );
}
