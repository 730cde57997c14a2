/*
 * The words and bounds of assistance requests (docs/requests.md), apart from their schemas in
 * requests.ts: the web app's pages read these, and a module of plain constants keeps zod out of
 * the lazy chunks that need only the words.
 */

/**
 * Where a State's request for technical assistance stands. A focal point drafts and submits;
 * officers ask for information, assess, approve or decline; linked events move it on to planned,
 * in delivery and completed; the State may withdraw it before it is planned.
 */
export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'information_requested',
  'resubmitted',
  'in_assessment',
  'approved',
  'declined',
  'planned',
  'in_delivery',
  'completed',
  'withdrawn',
] as const;

/** What a person may do to a request; `move` is the officer's manual move, with a reason. */
export const REQUEST_ACTIONS = [
  'submit',
  'request_information',
  'resubmit',
  'start_assessment',
  'approve',
  'decline',
  'withdraw',
  'move',
] as const;

/** Steps the linked events take on their own (the history's action when no person acted). */
export const REQUEST_EVENT_STEPS = [
  'events_planned',
  'events_delivering',
  'events_completed',
] as const;

/** The form of assistance the State would prefer. */
export const REQUEST_MODALITIES = [
  'national_workshop',
  'regional_workshop',
  'training',
  'legislative_advisory',
  'tool_dissemination',
] as const;

export const REQUEST_PRIORITIES = ['low', 'medium', 'high'] as const;

/** Statuses in which the request waits for the officers (the inbox's "in review"). */
export const REQUEST_WAITING_STATUSES = ['submitted', 'resubmitted'] as const;

export const REQUEST_TITLE_MAX = 200;
export const REQUEST_DESCRIPTION_MAX = 10_000;
export const REQUEST_MESSAGE_MAX = 4000;
export const REQUEST_REASON_MAX = 1000;
/** Institutions involved, each a name. */
export const REQUEST_INSTITUTIONS_MAX = 20;
/** Recommendations of earlier meetings one request follows up. */
export const REQUEST_RECOMMENDATIONS_MAX = 50;
export const REQUEST_OFFICIALS_MAX = 10_000;
/** Files attached to one request. */
export const REQUEST_ATTACHMENTS_MAX = 20;
