/**
 * THE record of what we hold: every table of the migrated schema, why we hold it, whose data it
 * is, who may see it, how long it is kept, and for every column whether it is personal and what
 * anonymising the person leaves of it. docs/privacy.md is its reading for people;
 * `data-record.int.spec.ts` fails when a migration adds or drops a column the record does not
 * follow, or when a table with personal data is missing from the doc.
 *
 * How columns are classified:
 * - `personal`: identifies or describes a person (names, emails, functions, free text people
 *   typed in a conversation or an answer, an address or a browser, a file about a person), or is
 *   the id of a person's own row (`users.id`, `participants.id`) or a reference to it (`…_by`,
 *   `actor_id`, `user_id`): such an id names no one by itself, but it links everything one
 *   person did.
 * - `not_personal`: about an event, a State, a document, a request, a tenant or the machinery;
 *   ids of records that are not a person's row.
 *
 * `anonymised` is what anonymising the person is to leave of the column: `erased` (cleared,
 * replaced by a placeholder that names nobody, or the row deleted), `pseudonymised` (the id or
 * reference stays and points at a row that no longer says who), or `kept` (stays as it is, with
 * a `note` saying why that is proportionate: mostly the figures by sex, institution type,
 * audience, State and attendance, which read nothing else). The retention runs and erasure do
 * it (privacy/retention.ts); `participants.anonymised_at` and `expert_profiles.anonymised_at`
 * mark what they did.
 */

/** Whose data a table holds. `users` are account holders in general (admins, officers). */
export type DataSubject = 'participants' | 'experts' | 'focal_points' | 'users' | 'none';

export type ColumnClassification =
  | { readonly classification: 'not_personal'; readonly note?: string }
  | {
      readonly classification: 'personal';
      readonly anonymised: 'erased' | 'pseudonymised';
      readonly note?: string;
    }
  | { readonly classification: 'personal'; readonly anonymised: 'kept'; readonly note: string };

export interface TableRecord {
  /** One sentence: why we hold it. */
  readonly purpose: string;
  readonly subjects: readonly DataSubject[];
  /** Who may see it, as the visibility rules in the code say. */
  readonly visibleTo: string;
  /** How long it is kept today, and the planned rule where there is one. */
  readonly retention: string;
  readonly columns: Readonly<Record<string, ColumnClassification>>;
}

const NOT_PERSONAL = { classification: 'not_personal' } as const;
/** A reference to a person's row that stays after anonymisation, pointing at nobody named. */
const PERSON_REFERENCE = { classification: 'personal', anonymised: 'pseudonymised' } as const;
const ERASED = { classification: 'personal', anonymised: 'erased' } as const;

const UNTIL_DELETED = 'Until deleted: nothing removes these rows today.';

export const DATA_RECORD = {
  // --- Accounts and sessions -------------------------------------------------------------------
  users: {
    purpose: 'The accounts people sign in with, across every tenant they belong to.',
    subjects: ['users', 'focal_points', 'experts'],
    visibleTo:
      'The person (their profile); tenant admins and programme officers (users.read) see the names and emails of their tenant’s members; names appear to other members where a feature shows who did something (agenda speakers, request threads, the audit log for admins).',
    retention:
      'Until deleted: no account is ever deleted today; a deactivated membership keeps its user.',
    columns: {
      id: {
        ...PERSON_REFERENCE,
        note: 'The key every reference to the person holds; it stays, the row stops naming them.',
      },
      email: { ...ERASED, note: 'Replaced by a placeholder: the column is not null and unique.' },
      name: ERASED,
      preferred_language: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'One of six languages, not null; with the name and email gone it singles out no one.',
      },
      password_hash: ERASED,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      muted_mail_kinds: { ...ERASED, note: 'The person’s mail preferences.' },
      last_tenant_id: NOT_PERSONAL,
    },
  },
  sessions: {
    purpose: 'Keeps a person signed in: the hash of the cookie’s token, and when it ends.',
    subjects: ['users'],
    visibleTo: 'Nobody through the API: the request’s own scope reads the caller’s session only.',
    retention:
      'A session stops working after 12 hours idle (SESSION_TTL_HOURS), 14 days in all or when revoked; the platform’s daily retention run deletes it 30 days after it ended (SESSION_RETENTION_DAYS).',
    columns: {
      id: NOT_PERSONAL,
      token_hash: NOT_PERSONAL,
      user_id: { ...ERASED, note: 'The person’s sessions are deleted with their account data.' },
      created_at: NOT_PERSONAL,
      last_seen_at: NOT_PERSONAL,
      expires_at: NOT_PERSONAL,
      revoked_at: NOT_PERSONAL,
      user_agent: { ...ERASED, note: 'Describes the person’s device and browser.' },
    },
  },
  user_tokens: {
    purpose: 'Password reset tokens (their hashes), single-use and short-lived.',
    subjects: ['users'],
    visibleTo: 'Nobody: only the reset flow reads a token, by its hash.',
    retention:
      'A token stops working once used or after 60 minutes (RESET_TTL_MINUTES); the platform’s daily retention run deletes it 30 days after that (SESSION_RETENTION_DAYS).',
    columns: {
      id: NOT_PERSONAL,
      user_id: { ...ERASED, note: 'The person’s tokens are deleted with their account data.' },
      purpose: NOT_PERSONAL,
      token_hash: NOT_PERSONAL,
      expires_at: NOT_PERSONAL,
      used_at: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
    },
  },
  calendar_feeds: {
    purpose: 'A person’s private calendar feed: the hash of the secret in its URL.',
    subjects: ['users'],
    visibleTo: 'The person (they create and reset it); the feed shows only events they may see.',
    retention: 'Until the person resets or removes the feed (the row is deleted then).',
    columns: {
      user_id: ERASED,
      token_hash: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
    },
  },
  rate_limits: {
    purpose: 'Counts sign-in, reset and invitation attempts per client address and per account.',
    subjects: ['users'],
    visibleTo: 'Nobody: the limiter alone reads it.',
    retention:
      'About an hour: a counter is deleted, now and then, once its window and its last block ended more than an hour ago.',
    columns: {
      key: {
        ...ERASED,
        note: 'The limiter’s name and the client’s IP address or the email tried, in clear.',
      },
      hits: NOT_PERSONAL,
      window_ends_at: NOT_PERSONAL,
      blocked_until: NOT_PERSONAL,
      strikes: NOT_PERSONAL,
    },
  },

  // --- Tenancy ---------------------------------------------------------------------------------
  tenants: {
    purpose: 'The organisations using Convene, each with its slug, name and settings.',
    subjects: ['none'],
    visibleTo: 'Its members; its slug and name on its public pages.',
    retention: UNTIL_DELETED,
    columns: {
      id: NOT_PERSONAL,
      slug: NOT_PERSONAL,
      name: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
      document_max_bytes: NOT_PERSONAL,
      settings_version: NOT_PERSONAL,
    },
  },
  memberships: {
    purpose: 'Who belongs to a tenant, with which role and, for a focal point, which State.',
    subjects: ['users', 'focal_points', 'experts'],
    visibleTo:
      'The person (their own, in every tenant); tenant admins and programme officers (users.read); tenant admins change them (users.manage).',
    retention: 'Until deleted: leaving a tenant deactivates the membership, the row stays.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      user_id: PERSON_REFERENCE,
      role: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      status: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
    },
  },
  invitations: {
    purpose: 'Invitations into a tenant, sent to an email, with the role offered.',
    subjects: ['users', 'focal_points', 'experts'],
    visibleTo: 'Tenant admins (users.manage); the invitee, through the link mailed to them.',
    retention: 'Until deleted: accepted, revoked and expired invitations stay.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      email: ERASED,
      role: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      token_hash: NOT_PERSONAL,
      invited_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      expires_at: NOT_PERSONAL,
      accepted_at: NOT_PERSONAL,
      revoked_at: NOT_PERSONAL,
    },
  },
  member_states: {
    purpose: 'The 195 States with their names in six languages, regional group and region.',
    subjects: ['none'],
    visibleTo: 'Everyone (memberStates.read); reference data loaded by a migration.',
    retention: 'Permanent reference data.',
    columns: {
      alpha3: NOT_PERSONAL,
      alpha2: NOT_PERSONAL,
      regional_group: NOT_PERSONAL,
      observer: NOT_PERSONAL,
      name_ar: NOT_PERSONAL,
      name_zh: NOT_PERSONAL,
      name_en: NOT_PERSONAL,
      name_fr: NOT_PERSONAL,
      name_ru: NOT_PERSONAL,
      name_es: NOT_PERSONAL,
      geographic_region: NOT_PERSONAL,
    },
  },
  member_state_groups: {
    purpose: 'Every State’s participation in the UN regional groups, as member or observer.',
    subjects: ['none'],
    visibleTo: 'Everyone; reference data loaded by a migration.',
    retention: 'Permanent reference data.',
    columns: {
      alpha3: NOT_PERSONAL,
      regional_group: NOT_PERSONAL,
      kind: NOT_PERSONAL,
    },
  },

  // --- Events ----------------------------------------------------------------------------------
  events: {
    purpose: 'The meetings and workshops the tenant organises, with their lifecycle.',
    subjects: ['users'],
    visibleTo:
      'The one rule of events (events/event-visibility.ts): planners every event; others an announced event that concerns them (their State hosts or is invited; they accepted an assignment); anyone an announced public event, without people.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      type: NOT_PERSONAL,
      title: NOT_PERSONAL,
      summary: NOT_PERSONAL,
      description: NOT_PERSONAL,
      thematic_areas: NOT_PERSONAL,
      target_audiences: NOT_PERSONAL,
      format: NOT_PERSONAL,
      venue_name: NOT_PERSONAL,
      venue_city: NOT_PERSONAL,
      venue_country: NOT_PERSONAL,
      meeting_link: NOT_PERSONAL,
      starts_at: NOT_PERSONAL,
      ends_at: NOT_PERSONAL,
      starts_year: NOT_PERSONAL,
      time_zone: NOT_PERSONAL,
      working_languages: NOT_PERSONAL,
      interpretation: NOT_PERSONAL,
      capacity: NOT_PERSONAL,
      host_states: NOT_PERSONAL,
      organisers: NOT_PERSONAL,
      partner_organisations: NOT_PERSONAL,
      responsible_officer_id: PERSON_REFERENCE,
      is_public: NOT_PERSONAL,
      status: NOT_PERSONAL,
      cancel_reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Typed by an officer about the event, not about a person; it stays with the event’s record.',
      },
      version: NOT_PERSONAL,
      search: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      announced_at: NOT_PERSONAL,
      nomination_deadline: NOT_PERSONAL,
      experts_see_participants: NOT_PERSONAL,
    },
  },
  event_history: {
    purpose: 'Each move of an event’s lifecycle (status, postponement), with who and why.',
    subjects: ['users'],
    visibleTo: 'Whoever may see the event (the one rule of events).',
    retention: 'As long as the event: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      action: NOT_PERSONAL,
      from_status: NOT_PERSONAL,
      to_status: NOT_PERSONAL,
      reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Typed by an officer about the event (why it moved); it is the event’s record.',
      },
      previous_starts_at: NOT_PERSONAL,
      previous_ends_at: NOT_PERSONAL,
      starts_at: NOT_PERSONAL,
      ends_at: NOT_PERSONAL,
      actor_id: PERSON_REFERENCE,
      at: NOT_PERSONAL,
    },
  },
  agenda_sessions: {
    purpose: 'An event’s agenda: its sessions, times, rooms and guest speakers.',
    subjects: ['users'],
    visibleTo: 'Whoever may see the event (the one rule of events); not on the public page.',
    retention: 'As long as the event: deleted with it, or when an officer removes the session.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      position: NOT_PERSONAL,
      title: NOT_PERSONAL,
      description: NOT_PERSONAL,
      starts_at: NOT_PERSONAL,
      ends_at: NOT_PERSONAL,
      room: NOT_PERSONAL,
      guest_speakers: {
        ...ERASED,
        note: 'Names typed by officers, of speakers with no account: no row links them to a person, so erasure finds them by name.',
      },
    },
  },

  // --- Participation ---------------------------------------------------------------------------
  state_lists: {
    purpose: 'Saved lists of States an officer invites together.',
    subjects: ['users'],
    visibleTo: 'Tenant admins and programme officers (participation.manage).',
    retention: 'Until an officer deletes the list.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      name: NOT_PERSONAL,
      member_states: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
    },
  },
  event_invitations: {
    purpose: 'A State invited to an event: its seats, deadline, answer and requests for seats.',
    subjects: ['focal_points', 'users'],
    visibleTo:
      'visibleInvitation (participation/participant-visibility.ts): planners every State’s; a focal point their own State’s; nobody else, experts included.',
    retention: 'As long as the event: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      seats: NOT_PERSONAL,
      nomination_deadline: NOT_PERSONAL,
      status: NOT_PERSONAL,
      decline_reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Free text a focal point wrote for their State; it is the State’s answer and stays with the invitation.',
      },
      seats_requested: NOT_PERSONAL,
      seats_request_reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Free text a focal point wrote for their State; it is the State’s request and stays with the invitation.',
      },
      seats_request_status: NOT_PERSONAL,
      seats_request_answer: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Free text an officer wrote to the State; it stays with the invitation.',
      },
      invited_by: PERSON_REFERENCE,
      invited_at: NOT_PERSONAL,
      responded_by: PERSON_REFERENCE,
      responded_at: NOT_PERSONAL,
      reminded_at: NOT_PERSONAL,
      last_activity_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
    },
  },
  participants: {
    purpose: 'A person nominated to events, recognised across events by their email (no account).',
    subjects: ['participants'],
    visibleTo:
      'The participant rule (participation/participant-visibility.ts): planners; a focal point their own State’s nominees; an expert of the event the names of approved nominees where the event allows it (never emails); the participant through their signed page.',
    retention:
      'Anonymised by the daily retention run once every event the person was nominated for ended more than the tenant’s period ago (36 months by default).',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: {
        ...PERSON_REFERENCE,
        note: 'The key nominations hold; it stays and the row stops naming the person.',
      },
      email: {
        ...ERASED,
        note: 'Replaced by a placeholder (<id>@anonymised.invalid): the column is not null and unique.',
      },
      full_name: { ...ERASED, note: 'Replaced by a placeholder: the column is not null.' },
      created_at: NOT_PERSONAL,
      anonymised_at: NOT_PERSONAL,
    },
  },
  nominations: {
    purpose: 'A person nominated by their State for one event, with the officer’s decision.',
    subjects: ['participants', 'focal_points', 'users'],
    visibleTo:
      'The participant rule: planners every column; a focal point their own State’s nominations; an expert of the event only name, institution and State of approved nominees where allowed; figures read only the non-personal-ish columns below, for whoever sees the event.',
    retention:
      'Kept with the event; the personal columns are cleared with the participant’s anonymisation.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      invitation_id: NOT_PERSONAL,
      participant_id: PERSON_REFERENCE,
      member_state_code: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'The State that nominated; the figures count by it, and a State is not a person.',
      },
      sex: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Three values; the figures (share of women) count by it and show no cross-tabulation that could single a person out.',
      },
      institution_type: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A closed list of eight kinds; the figures count by it.',
      },
      audience: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A closed list of audiences; the figures count by it.',
      },
      preferred_language: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'One of six languages, not null; with name and email gone it singles out no one.',
      },
      status: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Where the nomination stands; the figures and seat counts read it.',
      },
      confirmation: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'The participant’s answer; the figures (confirmed, represented States) read it.',
      },
      function_title: ERASED,
      institution: ERASED,
      languages: ERASED,
      dietary_needs: { ...ERASED, note: 'May reveal health or religion.' },
      accessibility_needs: { ...ERASED, note: 'May reveal health.' },
      decision_reason: ERASED,
      decided_by: PERSON_REFERENCE,
      decided_at: NOT_PERSONAL,
      waitlisted_at: NOT_PERSONAL,
      confirmed_at: NOT_PERSONAL,
      check_in_code: { ...ERASED, note: 'The participant’s credential at the door.' },
      nominated_by: PERSON_REFERENCE,
      nominated_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
    },
  },
  consent_attestations: {
    purpose: 'Each attestation of the nominee’s consent: who attested, when, and the text shown.',
    subjects: ['participants', 'focal_points'],
    visibleTo: 'Whoever may see the nomination (the participant rule), with the nomination.',
    retention: 'As long as the nomination: deleted with it (it is the proof of consent).',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      nomination_id: NOT_PERSONAL,
      attested_by: PERSON_REFERENCE,
      attested_at: NOT_PERSONAL,
      text_version: NOT_PERSONAL,
      text: {
        classification: 'not_personal',
        note: 'The fixed text of CONSENT_TEXTS in the language shown; it names no one.',
      },
      withdrawn_at: NOT_PERSONAL,
    },
  },
  participant_links: {
    purpose:
      'The participant’s signed links (decision, page): revocable and single-use by this row.',
    subjects: ['none'],
    visibleTo:
      'Planners (purpose and dates, never a token); the participant holds the signed link itself.',
    retention:
      'A decision link expires at the event’s start, a page a year after its end; the retention run deletes links that expired, were used or revoked more than the tenant’s period ago (30 days by default), and a participant’s anonymisation deletes theirs.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      nomination_id: NOT_PERSONAL,
      purpose: NOT_PERSONAL,
      expires_at: NOT_PERSONAL,
      used_at: NOT_PERSONAL,
      revoked_at: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
    },
  },
  attendance: {
    purpose: 'Whether a nominee attended each day of the event.',
    subjects: ['participants'],
    visibleTo:
      'Planners and the nominee’s State’s focal points (the participant rule); as counts, whoever sees the event’s figures.',
    retention: 'As long as the nomination: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      nomination_id: NOT_PERSONAL,
      day: NOT_PERSONAL,
      status: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Attended, partly or absent; the figures (attended, States represented) and certificates read it.',
      },
      recorded_by: PERSON_REFERENCE,
      recorded_at: NOT_PERSONAL,
    },
  },
  certificates: {
    purpose: 'The certificate of participation issued, with its public verification code.',
    subjects: ['participants'],
    visibleTo:
      'Planners and the participant (their page); anyone holding the code sees whose certificate it is on the verification page.',
    retention: 'As long as the nomination: revoking keeps the row.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      nomination_id: NOT_PERSONAL,
      verification_code: {
        ...PERSON_REFERENCE,
        note: 'Leads anyone to the participant’s name; after anonymisation it leads to the placeholder.',
      },
      language: NOT_PERSONAL,
      issued_at: NOT_PERSONAL,
      revoked_at: NOT_PERSONAL,
      revoke_reason: {
        ...ERASED,
        note: 'Free text written about the participant (why the certificate was withdrawn).',
      },
    },
  },

  // --- Experts ---------------------------------------------------------------------------------
  expert_assignments: {
    purpose: 'Experts asked to speak or serve at an event or session, and their answer.',
    subjects: ['experts', 'users'],
    visibleTo:
      'Officers (experts.manage) and the expert their own; an accepted assignment puts the expert’s name on the agenda for whoever sees the event.',
    retention: 'As long as the event: deleted with it (or with its session).',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      session_id: NOT_PERSONAL,
      user_id: PERSON_REFERENCE,
      role: NOT_PERSONAL,
      status: NOT_PERSONAL,
      decline_reason: { ...ERASED, note: 'The expert’s own reason (often why they cannot come).' },
      asked_by: PERSON_REFERENCE,
      asked_at: NOT_PERSONAL,
      answered_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
    },
  },
  expert_profiles: {
    purpose: 'The roster: an expert’s organisation, bio, expertise, languages and availability.',
    subjects: ['experts'],
    visibleTo: 'Officers (experts.manage) and the expert themself.',
    retention:
      'Anonymised by the daily retention run once the person left the roster (membership deactivated or no longer an expert) more than the tenant’s period ago (24 months by default).',
    columns: {
      tenant_id: NOT_PERSONAL,
      user_id: PERSON_REFERENCE,
      organisation: ERASED,
      bio: ERASED,
      nationality: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'The panel balance of past events counts experts by the regional group of their nationality.',
      },
      sex: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'The panel balance of past events counts experts by sex.',
      },
      thematic_areas: ERASED,
      target_audiences: ERASED,
      languages: ERASED,
      availability: ERASED,
      version: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      anonymised_at: NOT_PERSONAL,
    },
  },
  expert_notes: {
    purpose: 'Officers’ notes on an expert, kept apart so no expert-facing read can reach them.',
    subjects: ['experts', 'users'],
    visibleTo: 'Officers (experts.manage) only; never the expert.',
    retention: 'Deleted when the expert’s profile is anonymised (see expert_profiles).',
    columns: {
      tenant_id: NOT_PERSONAL,
      user_id: ERASED,
      notes: ERASED,
      updated_by: PERSON_REFERENCE,
      updated_at: NOT_PERSONAL,
    },
  },
  expert_declarations: {
    purpose: 'An expert’s declaration of interest for an event they serve at.',
    subjects: ['experts'],
    visibleTo: 'Officers (the event’s Experts tab) and the expert themself.',
    retention: 'As long as the event: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      user_id: PERSON_REFERENCE,
      has_interests: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'That the event’s panel declared, and whether anything, stays part of the event’s record; the details go.',
      },
      details: ERASED,
      filed_at: NOT_PERSONAL,
    },
  },
  expert_cvs: {
    purpose: 'An expert’s CV: the file’s details and the key of its object in storage.',
    subjects: ['experts'],
    visibleTo: 'visibleCv (experts/cv-visibility.ts): officers (experts.manage) and the expert.',
    retention:
      'Until replaced or removed, or the expert’s profile is anonymised (see expert_profiles): the object is then deleted through storage_deletions.',
    columns: {
      tenant_id: NOT_PERSONAL,
      user_id: ERASED,
      id: NOT_PERSONAL,
      storage_key: {
        ...ERASED,
        note: 'Names the stored CV, a file about the person; the key holds their user id.',
      },
      file_name: { ...ERASED, note: 'Usually carries the person’s name.' },
      content_type: NOT_PERSONAL,
      size_bytes: NOT_PERSONAL,
      sha256: NOT_PERSONAL,
      uploaded_by: PERSON_REFERENCE,
      uploaded_at: NOT_PERSONAL,
    },
  },

  // --- Documents and storage -------------------------------------------------------------------
  documents: {
    purpose: 'Documents of an event or of the tenant’s library, with a kind and a visibility.',
    subjects: ['users'],
    visibleTo:
      'The one rule of documents (documents/document-visibility.ts): staff every document; the event’s experts all but staff-only ones; others published documents by visibility (public, participants, staff and experts).',
    retention: 'Until staff delete the document (its objects are then deleted).',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      title: NOT_PERSONAL,
      kind: NOT_PERSONAL,
      visibility: NOT_PERSONAL,
      published_at: NOT_PERSONAL,
      published_by: PERSON_REFERENCE,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
      title_search: NOT_PERSONAL,
    },
  },
  document_versions: {
    purpose: 'Each uploaded file of a document, per language, and its extracted text.',
    subjects: ['users'],
    visibleTo: 'As its document (the one rule of documents).',
    retention: 'As long as the document: versions are never changed, deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      document_id: NOT_PERSONAL,
      language: NOT_PERSONAL,
      number: NOT_PERSONAL,
      storage_key: NOT_PERSONAL,
      file_name: NOT_PERSONAL,
      content_type: NOT_PERSONAL,
      size_bytes: NOT_PERSONAL,
      sha256: NOT_PERSONAL,
      restored_from: NOT_PERSONAL,
      uploaded_by: PERSON_REFERENCE,
      uploaded_at: NOT_PERSONAL,
      is_current: NOT_PERSONAL,
      extracted_text: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A meeting document may name its speakers or participants; it is the organisation’s output and is not rewritten; a document about a person is deleted by staff instead.',
      },
      text_search: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'The words of the extracted text, kept with it.',
      },
      extracted_at: NOT_PERSONAL,
    },
  },
  document_text_jobs: {
    purpose: 'The text-extraction job of each document version, for the background workers.',
    subjects: ['none'],
    visibleTo: 'Nobody through the API: the worker role reads it across tenants.',
    retention: 'As long as the version: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      version_id: NOT_PERSONAL,
      status: NOT_PERSONAL,
      attempts: NOT_PERSONAL,
      locked_until: NOT_PERSONAL,
      last_error: NOT_PERSONAL,
      created_at: NOT_PERSONAL,
      done_at: NOT_PERSONAL,
    },
  },
  storage_deletions: {
    purpose: 'Stored objects whose rows are gone, left to delete after the commit.',
    subjects: ['experts'],
    visibleTo: 'Nobody through the API: the API after a commit and the worker role’s sweep.',
    retention: 'Until the object is deleted: usually right after the commit.',
    columns: {
      tenant_id: NOT_PERSONAL,
      storage_key: {
        ...PERSON_REFERENCE,
        note: 'A removed CV’s key holds the expert’s user id; the row goes once the object is deleted.',
      },
      created_at: NOT_PERSONAL,
      attempts: NOT_PERSONAL,
      locked_until: NOT_PERSONAL,
      last_error: NOT_PERSONAL,
    },
  },

  // --- Recommendations, requests and assessments ----------------------------------------------
  recommendations: {
    purpose: 'A meeting’s recommendations as items, addressed to States or partners.',
    subjects: ['users'],
    visibleTo:
      'visibleRecommendation: whoever sees the event; a focal point of an addressed State; anyone for a public event once reported or closed (without people).',
    retention: 'As long as the event: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      position: NOT_PERSONAL,
      text: NOT_PERSONAL,
      thematic_area: NOT_PERSONAL,
      addressed_states: NOT_PERSONAL,
      addressed_to_organisation: NOT_PERSONAL,
      addressed_partners: NOT_PERSONAL,
      status: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
      search: NOT_PERSONAL,
    },
  },
  recommendation_follow_ups: {
    purpose: 'The follow-up history of a recommendation: status changes and notes.',
    subjects: ['focal_points', 'users'],
    visibleTo: 'As its recommendation, signed in only (the public page shows no notes).',
    retention: 'As long as the recommendation: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      recommendation_id: NOT_PERSONAL,
      from_status: NOT_PERSONAL,
      to_status: NOT_PERSONAL,
      note: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Free text an officer or focal point wrote about the follow-up; it is the recommendation’s record.',
      },
      member_state_code: NOT_PERSONAL,
      actor_id: PERSON_REFERENCE,
      at: NOT_PERSONAL,
    },
  },
  assistance_requests: {
    purpose: 'A State’s request for technical assistance and where it stands.',
    subjects: ['focal_points', 'users', 'experts'],
    visibleTo:
      'visibleRequest (requests/request-visibility.ts): officers and admins every request; a focal point their own State’s; an expert only a request they were assigned to review.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      title: NOT_PERSONAL,
      thematic_areas: NOT_PERSONAL,
      target_audiences: NOT_PERSONAL,
      priority: NOT_PERSONAL,
      modality: NOT_PERSONAL,
      period_from: NOT_PERSONAL,
      period_to: NOT_PERSONAL,
      officials: NOT_PERSONAL,
      institutions: NOT_PERSONAL,
      description: NOT_PERSONAL,
      status: NOT_PERSONAL,
      status_since: NOT_PERSONAL,
      submitted_at: NOT_PERSONAL,
      responsible_officer_id: PERSON_REFERENCE,
      expert_reviewer_id: PERSON_REFERENCE,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
      version: NOT_PERSONAL,
      field_versions: NOT_PERSONAL,
    },
  },
  request_recommendations: {
    purpose: 'The recommendations a request follows up.',
    subjects: ['none'],
    visibleTo: 'As its request.',
    retention: 'As long as the request and the recommendation.',
    columns: {
      tenant_id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      recommendation_id: NOT_PERSONAL,
    },
  },
  request_events: {
    purpose: 'The events planned to answer a request.',
    subjects: ['users'],
    visibleTo: 'As its request; the event itself only under the one rule of events.',
    retention: 'Until unlinked, or with the request or the event.',
    columns: {
      tenant_id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      linked_by: PERSON_REFERENCE,
      linked_at: NOT_PERSONAL,
    },
  },
  request_messages: {
    purpose: 'The thread of a request between the State and the officers, and internal notes.',
    subjects: ['focal_points', 'users', 'experts'],
    visibleTo:
      'As its request; internal notes to officers and admins only (visibleRequestMessage), never the State or a reviewer.',
    retention: 'As long as the request: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      body: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'People write in their role about the State’s request; the thread is the request’s record, its author reference pseudonymised.',
      },
      internal: NOT_PERSONAL,
      author_id: PERSON_REFERENCE,
      at: NOT_PERSONAL,
    },
  },
  request_history: {
    purpose: 'Each move of a request’s status, with who and why.',
    subjects: ['focal_points', 'users'],
    visibleTo: 'As its request.',
    retention: 'As long as the request: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      action: NOT_PERSONAL,
      from_status: NOT_PERSONAL,
      to_status: NOT_PERSONAL,
      reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Typed by an officer or focal point about the request (why it moved); it is the request’s record.',
      },
      actor_id: PERSON_REFERENCE,
      at: NOT_PERSONAL,
    },
  },
  request_attachments: {
    purpose:
      'Files attached to a request, by the State or the officers: their details and the key of the stored object.',
    subjects: ['focal_points', 'users'],
    visibleTo: 'As its request (downloads embed the request rule).',
    retention: 'Until removed from the request, or with the request.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      storage_key: NOT_PERSONAL,
      file_name: NOT_PERSONAL,
      media_type: NOT_PERSONAL,
      byte_size: NOT_PERSONAL,
      sha256: NOT_PERSONAL,
      uploaded_by: PERSON_REFERENCE,
      at: NOT_PERSONAL,
      // Which side attached it (the State or the officers): each removes only its own.
      side: NOT_PERSONAL,
    },
  },
  assessment_questionnaires: {
    purpose: 'The tenant’s own versions of the needs-assessment questionnaire.',
    subjects: ['users'],
    visibleTo:
      'Whoever reads assessments (assessments.read); tenant admins keep them (assessments.configure).',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      number: NOT_PERSONAL,
      title: NOT_PERSONAL,
      status: NOT_PERSONAL,
      based_on: NOT_PERSONAL,
      questions: NOT_PERSONAL,
      version: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      published_at: NOT_PERSONAL,
    },
  },
  needs_assessments: {
    purpose: 'A State’s needs assessment: ratings, evidence, priorities and its validation.',
    subjects: ['focal_points', 'users'],
    visibleTo:
      'visibleAssessment (assessments/assessment-visibility.ts): officers and admins every assessment; a focal point their own State’s; experts none.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      questionnaire_number: NOT_PERSONAL,
      status: NOT_PERSONAL,
      answers: NOT_PERSONAL,
      priorities: NOT_PERSONAL,
      recommendations: NOT_PERSONAL,
      return_reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Typed by an officer about the assessment (what to fix); it is the assessment’s record.',
      },
      version: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_by: PERSON_REFERENCE,
      updated_at: NOT_PERSONAL,
      submitted_at: NOT_PERSONAL,
      validated_at: NOT_PERSONAL,
      validated_by: PERSON_REFERENCE,
    },
  },

  // --- Delivery of the tool --------------------------------------------------------------------
  tool_editions: {
    purpose: 'Editions of the technical assistance tool (language, format, year, ISBN).',
    subjects: ['users'],
    visibleTo: 'Whoever reads deliveries (deliveries.read); officers keep them.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      title: NOT_PERSONAL,
      language: NOT_PERSONAL,
      format: NOT_PERSONAL,
      edition_year: NOT_PERSONAL,
      version_label: NOT_PERSONAL,
      isbn: NOT_PERSONAL,
      sales_number: NOT_PERSONAL,
      document_id: NOT_PERSONAL,
      is_example: NOT_PERSONAL,
      version: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
    },
  },
  tool_delivery_batches: {
    purpose: 'One bulk hand-out at an event, so a repeated submission registers once.',
    subjects: ['users'],
    visibleTo: 'Officers, through the deliveries it registered.',
    retention: 'As long as the event: deleted with it.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
    },
  },
  tool_deliveries: {
    purpose: 'The register of copies of the tool delivered to States and their institutions.',
    subjects: ['users'],
    visibleTo:
      'visibleDelivery (delivery/delivery-visibility.ts): officers and admins every delivery; a focal point their own State’s; experts none.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      edition_id: NOT_PERSONAL,
      quantity: NOT_PERSONAL,
      channel: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      institution: NOT_PERSONAL,
      delivered_on: NOT_PERSONAL,
      event_id: NOT_PERSONAL,
      request_id: NOT_PERSONAL,
      batch_id: NOT_PERSONAL,
      version: NOT_PERSONAL,
      created_by: PERSON_REFERENCE,
      created_at: NOT_PERSONAL,
      updated_at: NOT_PERSONAL,
    },
  },
  iati_settings: {
    purpose: 'How the tenant reports its activities in IATI 2.03.',
    subjects: ['users'],
    visibleTo:
      'Tenant admins (iati.manage); officers’ IATI export reads them; the file they shape is public if the tenant says so.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      organisation_identifier: NOT_PERSONAL,
      organisation_name: NOT_PERSONAL,
      organisation_type: NOT_PERSONAL,
      sector_codes: NOT_PERSONAL,
      aid_type: NOT_PERSONAL,
      flow_type: NOT_PERSONAL,
      public_file: NOT_PERSONAL,
      version: NOT_PERSONAL,
      updated_by: PERSON_REFERENCE,
      updated_at: NOT_PERSONAL,
    },
  },

  // --- Mail ------------------------------------------------------------------------------------
  mail_outbox: {
    purpose: 'Every mail the app sends, queued in the transaction that causes it.',
    subjects: ['users', 'focal_points', 'experts', 'participants'],
    visibleTo:
      'Tenant admins (mail.manage) see kind, recipient, status and errors, never the payload; the mail worker’s role reads every tenant’s to send; the operator’s `npm run mail`.',
    retention:
      'After sending, the worker strips the links from the payload; the daily retention run clears the payload and the address of mail sent, failed or cancelled more than the tenant’s period ago (90 days by default); a person’s anonymisation clears mail to them or naming them at once, and cancels what is still queued for them.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      kind: NOT_PERSONAL,
      recipient: ERASED,
      language: NOT_PERSONAL,
      payload: {
        ...ERASED,
        note: 'What the message is rendered from: names of nominees and people, reasons, event details.',
      },
      idempotency_key: {
        ...PERSON_REFERENCE,
        note: 'Built from ids, often the recipient’s user id; never a name or an address.',
      },
      status: NOT_PERSONAL,
      attempts: NOT_PERSONAL,
      next_attempt_at: NOT_PERSONAL,
      locked_until: NOT_PERSONAL,
      last_error: { ...ERASED, note: 'An SMTP answer may quote the recipient’s address.' },
      created_at: NOT_PERSONAL,
      sent_at: NOT_PERSONAL,
      retried_at: NOT_PERSONAL,
      failed_at: NOT_PERSONAL,
    },
  },
  mail_schedule_runs: {
    purpose: 'Which scheduled mail runs (digests, reminders) each tenant has done, per period.',
    subjects: ['none'],
    visibleTo: 'Nobody through the API: the scheduler reads it.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      kind: NOT_PERSONAL,
      period: NOT_PERSONAL,
      ran_at: NOT_PERSONAL,
    },
  },

  // --- Privacy ---------------------------------------------------------------------------------
  retention_policies: {
    purpose:
      'A tenant’s retention periods, once its admins set them (the defaults apply until then).',
    subjects: ['users'],
    visibleTo: 'Tenant admins (tenant.manage).',
    retention: 'As long as the tenant.',
    columns: {
      tenant_id: NOT_PERSONAL,
      participants_months: NOT_PERSONAL,
      experts_months: NOT_PERSONAL,
      mail_days: NOT_PERSONAL,
      links_days: NOT_PERSONAL,
      version: NOT_PERSONAL,
      updated_by: PERSON_REFERENCE,
      updated_at: NOT_PERSONAL,
    },
  },
  privacy_jobs: {
    purpose:
      'The daily retention run of each tenant, and the platform’s (sessions and reset tokens), for the background workers, with its figures.',
    subjects: ['none'],
    visibleTo: 'Tenant admins (the latest runs, figures only); the worker role across tenants.',
    retention: UNTIL_DELETED,
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      kind: NOT_PERSONAL,
      run_on: NOT_PERSONAL,
      status: NOT_PERSONAL,
      attempts: NOT_PERSONAL,
      locked_until: NOT_PERSONAL,
      last_error: NOT_PERSONAL,
      result: { classification: 'not_personal', note: 'Counts only, never who.' },
      created_at: NOT_PERSONAL,
      done_at: NOT_PERSONAL,
    },
  },
  privacy_requests: {
    purpose:
      'The record of every export of a person’s data and every erasure on request: who asked, about whom, when and why.',
    subjects: ['participants', 'experts', 'focal_points', 'users'],
    visibleTo:
      'Tenant admins (tenant.manage): the record of requests on the People’s data page, the subject as a reference and named only while the tenant holds them.',
    retention:
      'Permanent: the application may only insert and read it; it is the proof of what was done with a request.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      kind: NOT_PERSONAL,
      subject_kind: NOT_PERSONAL,
      subject_id: {
        ...PERSON_REFERENCE,
        note: 'A participant’s id or a member’s user id; after an erasure it points at a row that no longer says who.',
      },
      reason: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'Free text an admin typed (who asked and why): it is the record of who asked what and why, which an erasure must itself leave behind. A reason holding the person’s email or a word of their name is refused before anything is written (people.service.ts), as the audit log writes nothing personal.',
      },
      requested_by: PERSON_REFERENCE,
      requested_at: NOT_PERSONAL,
    },
  },

  // --- Reports ---------------------------------------------------------------------------------
  dashboard_trained: {
    purpose:
      'What each trained participation adds to the dashboard’s figures, so that a change takes back exactly that (db/migrations/1764316800029-dashboard-rollups.ts).',
    subjects: ['participants'],
    visibleTo:
      'Nobody reads it through the API: the database’s triggers keep it, and only the rollup is read.',
    retention:
      'As long as the nomination counts as trained: deleted with it, kept by anonymisation.',
    columns: {
      tenant_id: NOT_PERSONAL,
      nomination_id: NOT_PERSONAL,
      year: NOT_PERSONAL,
      member_state_code: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A copy of the nomination’s State, which anonymisation keeps for the figures.',
      },
      sex: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A copy of the nomination’s sex, which anonymisation keeps for the figures.',
      },
      audience: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A copy of the nomination’s audience, which anonymisation keeps for the figures.',
      },
      institution_type: {
        classification: 'personal',
        anonymised: 'kept',
        note: 'A copy of the nomination’s institution type, which anonymisation keeps for the figures.',
      },
    },
  },
  dashboard_rollups: {
    purpose:
      'The dashboard’s and the map’s trained participants, summed per year and State by sex, audience and institution type.',
    subjects: ['none'],
    visibleTo:
      'Officers and admins, as figures on the dashboard and the map (report-scope.ts); focal points’ figures are counted from the events they see instead.',
    retention: 'Kept in step with the participations it sums; it holds counts, never a person.',
    columns: {
      tenant_id: NOT_PERSONAL,
      year: NOT_PERSONAL,
      member_state_code: NOT_PERSONAL,
      dimension: NOT_PERSONAL,
      key: NOT_PERSONAL,
      trained: NOT_PERSONAL,
    },
  },
  dashboard_event_rollups: {
    purpose:
      'The dashboard’s events, summed per year and place (State) in total, by type and by thematic area.',
    subjects: ['none'],
    visibleTo:
      'Officers and admins, as the dashboard’s event figures (report-scope.ts); a focal point’s are counted from the events they see.',
    retention: 'Kept in step with the events it sums; it holds counts.',
    columns: {
      tenant_id: NOT_PERSONAL,
      year: NOT_PERSONAL,
      place_state: NOT_PERSONAL,
      dimension: NOT_PERSONAL,
      key: NOT_PERSONAL,
      events: NOT_PERSONAL,
    },
  },

  // --- Audit -----------------------------------------------------------------------------------
  audit_log: {
    purpose: 'Who changed what and when, append-only, for accountability.',
    subjects: ['users', 'focal_points', 'experts', 'participants'],
    visibleTo: 'Tenant admins (audit.read), with the actors’ names read from users.',
    retention:
      'Permanent: the application may only insert and read it, never update or delete a row.',
    columns: {
      tenant_id: NOT_PERSONAL,
      id: NOT_PERSONAL,
      actor_id: PERSON_REFERENCE,
      action: NOT_PERSONAL,
      entity: NOT_PERSONAL,
      entity_id: {
        ...PERSON_REFERENCE,
        note: 'The id of the row changed: a person’s when the entity is a user, member or participant.',
      },
      before: {
        ...PERSON_REFERENCE,
        note: 'References and non-personal facts; personal fields are replaced by a marker when written (audit/audit-facts.ts), and migration 25 rewrote the rows written before.',
      },
      after: {
        ...PERSON_REFERENCE,
        note: 'As before: references and non-personal facts, personal fields replaced by a marker.',
      },
      at: NOT_PERSONAL,
    },
  },
} as const satisfies Readonly<Record<string, TableRecord>>;

export type RecordedTable = keyof typeof DATA_RECORD;
