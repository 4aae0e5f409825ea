/** The states a finding on an expense can be in; an expense with no finding is not checked. */
export const FINDING_STATES = ['verified', 'queried', 'ineligible'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** What a list or a filter shows: the three states, and "not checked" for no finding. */
export type ControlState = FindingState | 'unchecked';
export const CONTROL_STATES: readonly ControlState[] = ['unchecked', ...FINDING_STATES];
