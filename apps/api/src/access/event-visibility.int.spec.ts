import type { Role } from '@convene/contracts';
import ICAL from 'ical.js';
import { MailScheduler } from '../mail/mail-scheduler';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Visibility of events by body, not by status: for each kind of person, the set of event ids
 * every read path hands out must equal the set the rule allows. The rule is restated here from
 * the fixtures' definitions (who plans, which State hosts, who speaks, whether the event was
 * ever announced), independently of the SQL that implements it.
 */

const PASSWORD = 'visibility passphrase';
type TenantKey = 'alpha' | 'beta';
type PersonKey = 'alphaAdmin' | 'olga' | 'otto' | 'kenya' | 'france' | 'sam' | 'ida' | 'betaAdmin';
type EventKey =
  | 'draft'
  | 'cancelledDraft'
  | 'announcedCancelled'
  | 'planned'
  | 'elsewhere'
  | 'ottoDraft'
  | 'betaDraft'
  | 'betaPlanned'
  | 'invitedFrance'
  | 'declinedFrance'
  | 'withdrawnFrance';

interface Membership {
  role: Role;
  state?: string;
}

/** Each person's memberships as they stand when the reads happen. */
const PEOPLE: Record<PersonKey, Partial<Record<TenantKey, Membership>>> = {
  alphaAdmin: { alpha: { role: 'tenant_admin' } },
  // Officer in alpha, expert speaking in beta.
  olga: { alpha: { role: 'programme_officer' }, beta: { role: 'expert' } },
  // Was an officer in alpha (and responsible for two events), now an expert there.
  otto: { alpha: { role: 'expert' } },
  kenya: { alpha: { role: 'focal_point', state: 'KEN' } },
  france: { alpha: { role: 'focal_point', state: 'FRA' } },
  // An expert who speaks in both tenants.
  sam: { alpha: { role: 'expert' }, beta: { role: 'expert' } },
  // An expert asked to several events who accepted none: she sees none of them.
  ida: { alpha: { role: 'expert' } },
  betaAdmin: { beta: { role: 'tenant_admin' } },
};

interface Fixture {
  tenant: TenantKey;
  hosts: string[];
  isPublic: boolean;
  /** The lifecycle actions taken, in order. */
  actions: ('plan' | 'cancel')[];
  officer: PersonKey;
  createdBy: PersonKey;
  speakers: PersonKey[];
  /**
   * Experts asked to speak at its session who did not accept (still asked, declined, or the
   * officer withdrew it): they are not its experts, and see nothing more than before.
   */
  asked?: { person: PersonKey; status: 'asked' | 'declined' | 'withdrawn' }[];
  /** States invited once it is planned; a withdrawn invitation, or one the State declined. */
  invited?: { state: string; outcome?: 'withdrawn' | 'declined' }[];
}

const alphaEvent = (fixture: Partial<Fixture>): Fixture => ({
  tenant: 'alpha',
  hosts: ['KEN'],
  isPublic: true,
  actions: [],
  officer: 'olga',
  createdBy: 'alphaAdmin',
  speakers: ['sam'],
  ...fixture,
});
const betaEvent = (fixture: Partial<Fixture>): Fixture => ({
  tenant: 'beta',
  hosts: ['KEN'],
  isPublic: true,
  actions: [],
  officer: 'betaAdmin',
  createdBy: 'betaAdmin',
  speakers: ['sam', 'olga'],
  ...fixture,
});

/** Every speaker speaks 09:00–10:00 on the same day: each shared speaker is a clash. */
const FIXTURES: Record<EventKey, Fixture> = {
  draft: alphaEvent({ asked: [{ person: 'ida', status: 'asked' }] }),
  cancelledDraft: alphaEvent({ actions: ['cancel'] }),
  announcedCancelled: alphaEvent({
    actions: ['plan', 'cancel'],
    asked: [{ person: 'ida', status: 'withdrawn' }],
  }),
  planned: alphaEvent({
    actions: ['plan'],
    speakers: ['sam', 'otto'],
    asked: [{ person: 'ida', status: 'asked' }],
  }),
  elsewhere: alphaEvent({
    actions: ['plan'],
    hosts: ['FRA'],
    isPublic: false,
    officer: 'otto',
    asked: [{ person: 'ida', status: 'declined' }],
  }),
  ottoDraft: alphaEvent({ isPublic: false, officer: 'otto', speakers: [] }),
  betaDraft: betaEvent({}),
  betaPlanned: betaEvent({ actions: ['plan'] }),
  // Invited States' focal points see an event their State does not host (part-inv).
  invitedFrance: alphaEvent({
    actions: ['plan'],
    hosts: ['DEU'],
    isPublic: false,
    speakers: [],
    invited: [{ state: 'FRA' }],
  }),
  declinedFrance: alphaEvent({
    actions: ['plan'],
    hosts: ['DEU'],
    isPublic: false,
    speakers: [],
    invited: [{ state: 'FRA', outcome: 'declined' }],
  }),
  withdrawnFrance: alphaEvent({
    actions: ['plan'],
    hosts: ['DEU'],
    isPublic: false,
    speakers: [],
    invited: [{ state: 'FRA', outcome: 'withdrawn' }],
  }),
};
const EVENT_KEYS = Object.keys(FIXTURES) as EventKey[];
const PERSON_KEYS = Object.keys(PEOPLE) as PersonKey[];

// The rule, restated from the product's words.
const announced = (f: Fixture) => f.actions.includes('plan');
const cancelled = (f: Fixture) => f.actions.includes('cancel');
const plans = (m: Membership) => m.role === 'tenant_admin' || m.role === 'programme_officer';
function allowed(person: PersonKey, tenant: TenantKey, key: EventKey): boolean {
  const f = FIXTURES[key];
  const m = PEOPLE[person][tenant];
  if (!m || f.tenant !== tenant) return false;
  if (plans(m)) return true;
  const invited = (state: string) =>
    (f.invited ?? []).some((i) => i.state === state && i.outcome !== 'withdrawn');
  return (
    announced(f) &&
    ((!!m.state && (f.hosts.includes(m.state) || invited(m.state))) || f.speakers.includes(person))
  );
}
const concerns = (person: PersonKey, key: EventKey) => {
  const f = FIXTURES[key];
  return f.officer === person || f.createdBy === person || f.speakers.includes(person);
};
const keysWhere = (test: (key: EventKey) => boolean) => EVENT_KEYS.filter(test).sort();

describe('who sees which event, through every read path', () => {
  let app: TestApp;
  const ids = {} as Record<EventKey, string>;
  const userIds = {} as Record<PersonKey, string>;
  const emailOf = (person: PersonKey) => `${person.toLowerCase()}@visibility.example`;
  const clients = new Map<PersonKey, ApiClient>();
  const as = async (person: PersonKey) => {
    const existing = clients.get(person);
    if (existing) return existing;
    const client = await app.client().signIn(emailOf(person), PASSWORD);
    clients.set(person, client);
    return client;
  };
  const keyOf = (id: string): EventKey | string =>
    EVENT_KEYS.find((key) => ids[key] === id) ?? `unknown ${id}`;
  const uids = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((vevent) => keyOf(new ICAL.Event(vevent).uid.replace(/@events\.convene$/, '')));
  const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    const tenants = {
      alpha: await createTenant(ds, { slug: 'alpha', name: 'Alpha' }),
      beta: await createTenant(ds, { slug: 'beta', name: 'Beta' }),
    };
    let ottoMembership = '';
    for (const person of PERSON_KEYS) {
      for (const [tenant, membership] of Object.entries(PEOPLE[person]) as [
        TenantKey,
        Membership,
      ][]) {
        // Otto starts as an officer, so that events can name him responsible.
        const role = person === 'otto' ? 'programme_officer' : membership.role;
        const added = await addMember(ds, tenants[tenant], {
          email: emailOf(person),
          name: person,
          password: PASSWORD,
          role,
          memberStateAlpha3: membership.state ?? null,
        });
        userIds[person] = added.userId;
        if (person === 'otto') ottoMembership = added.membershipId;
      }
    }
    for (const key of EVENT_KEYS) {
      const f = FIXTURES[key];
      const created = await (
        await as(f.createdBy)
      ).post(`/api/t/${f.tenant}/events`, {
        type: 'webinar',
        title: `Event ${key}`,
        summary: `About ${key}`,
        thematicAreas: ['propaganda'],
        format: 'virtual',
        meetingLink: 'https://meet.example.org/room',
        startsAt: '2030-03-01T08:00:00Z',
        endsAt: '2030-03-01T16:00:00Z',
        timeZone: 'UTC',
        workingLanguages: ['en'],
        hostStates: f.hosts,
        isPublic: f.isPublic,
        responsibleOfficerId: userIds[f.officer],
      });
      expect(created.status).toBe(201);
      ids[key] = created.body.id as string;
    }
    const demoted = await (
      await as('alphaAdmin')
    ).patch(`/api/t/alpha/members/${ottoMembership}`, { role: 'expert' });
    expect(demoted.status).toBe(200);
    for (const key of EVENT_KEYS) {
      const f = FIXTURES[key];
      const planner = await as(f.createdBy);
      if (f.speakers.length > 0) {
        const added = await planner.post(`/api/t/${f.tenant}/events/${ids[key]}/agenda`, {
          title: `Talk at ${key}`,
          startsAt: '2030-03-01T09:00:00Z',
          endsAt: '2030-03-01T10:00:00Z',
        });
        expect(added.status).toBe(201);
        // The speakers accepted their assignment to the session: the agenda's speakers.
        await ownerQuery(
          app,
          `insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
           select tenant_id, event_id, id, speaker, 'speaker', 'accepted', now()
             from agenda_sessions cross join unnest($2::uuid[]) as speaker where id = $1`,
          [added.body.sessions[0].id, f.speakers.map((person) => userIds[person])],
        );
      }
      for (const { person, status } of f.asked ?? []) {
        await ownerQuery(
          app,
          `insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
           select tenant_id, event_id, id, $2, 'moderator', $3,
                  case when $3 = 'declined' then now() end
             from agenda_sessions where event_id = $1`,
          [ids[key], userIds[person], status],
        );
      }
      for (const action of f.actions) {
        const moved = await planner.post(`/api/t/${f.tenant}/events/${ids[key]}/transitions`, {
          action,
          ...(action === 'cancel' ? { reason: 'Called off' } : {}),
        });
        expect(moved.status).toBe(200);
      }
      for (const invitation of f.invited ?? []) {
        const invited = await planner.post(`/api/t/${f.tenant}/events/${ids[key]}/invitations`, {
          memberStates: [invitation.state],
          seats: 2,
          nominationDeadline: '2030-02-01',
        });
        expect(invited.status).toBe(201);
        const id = invited.body.invited[0].id as string;
        const path = `/api/t/${f.tenant}/events/${ids[key]}/invitations/${id}`;
        if (invitation.outcome === 'withdrawn') {
          expect((await planner.post(`${path}/withdraw`)).status).toBe(200);
        }
        if (invitation.outcome === 'declined') {
          const focal = PERSON_KEYS.find(
            (person) => PEOPLE[person][f.tenant]?.state === invitation.state,
          );
          if (!focal) throw new Error(`no focal point of ${invitation.state}`);
          const declined = await (await as(focal)).post(`${path}/decline`, { reason: 'No one' });
          expect(declined.status).toBe(200);
        }
      }
    }
  });

  afterAll(() => app.close());

  describe.each(PERSON_KEYS)('%s', (person) => {
    const memberOf = Object.keys(PEOPLE[person]) as TenantKey[];

    it.each(memberOf)('in %s reaches exactly the events the rule allows', async (tenant) => {
      const client = await as(person);
      const expected = keysWhere((key) => allowed(person, tenant, key));

      const listed: string[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `&after=${encodeURIComponent(after)}` : '';
        const page = await client.get(`/api/t/${tenant}/events?limit=2${query}`);
        expect(page.status).toBe(200);
        listed.push(...page.body.items.map((item: { id: string }) => keyOf(item.id)));
        after = page.body.nextCursor;
      } while (after);

      const detail: string[] = [];
      const agenda: string[] = [];
      const calendar: string[] = [];
      const participation: string[] = [];
      const warnedOf: string[] = [];
      let hiddenWarnings = 0;
      for (const key of EVENT_KEYS) {
        const base = `/api/t/${tenant}/events/${ids[key]}`;
        const read = await client.get(base);
        if (read.status === 200) detail.push(keyOf(read.body.id));
        else expect(read.status).toBe(404);
        const sessions = await client.get(`${base}/agenda`);
        if (sessions.status === 200) {
          agenda.push(key);
          for (const warning of sessions.body.warnings) {
            if (warning.kind !== 'speaker_double_booked') continue;
            if (warning.other.hidden) {
              expect(warning.other).toEqual({ hidden: true });
              hiddenWarnings++;
            } else warnedOf.push(keyOf(warning.other.eventId));
          }
        } else expect(sessions.status).toBe(404);
        const ics = await client.get(`${base}/calendar.ics`);
        if (ics.status === 200) calendar.push(...uids(ics.text));
        else expect(ics.status).toBe(404);
        const tab = await client.get(`${base}/participation`);
        if (tab.status === 200) participation.push(keyOf(tab.body.eventId));
        else expect(tab.status).toBe(404);
      }

      // The other side of each clash the person can read about, when they may see it.
      const clashes = (key: EventKey, speaker?: PersonKey) =>
        EVENT_KEYS.filter(
          (other) =>
            other !== key &&
            FIXTURES[other].tenant === FIXTURES[key].tenant &&
            !cancelled(FIXTURES[other]) &&
            FIXTURES[other].speakers.some(
              (s) => FIXTURES[key].speakers.includes(s) && (!speaker || s === speaker),
            ),
        );
      const expectedWarned = sorted(
        expected.flatMap((key) => clashes(key)).filter((other) => allowed(person, tenant, other)),
      );
      // One "another commitment" per speaker (each event has one session) whose clashes include
      // an event the person may not see, however many such events there are.
      const expectedHidden = expected.flatMap((key) =>
        FIXTURES[key].speakers.filter((speaker) =>
          clashes(key, speaker).some((other) => !allowed(person, tenant, other)),
        ),
      ).length;

      expect({
        list: sorted(listed),
        detail: sorted(detail),
        agenda: sorted(agenda),
        calendar: sorted(calendar),
        participation: sorted(participation),
        warnedOf: sorted(warnedOf),
        hiddenWarnings,
        all: sorted([...listed, ...detail, ...agenda, ...calendar, ...participation, ...warnedOf]),
      }).toEqual({
        list: expected,
        detail: expected,
        agenda: expected,
        calendar: expected,
        participation: expected,
        warnedOf: expectedWarned,
        hiddenWarnings: expectedHidden,
        all: expected,
      });
      expect(listed).toHaveLength(expected.length);
    });

    it('has a private feed of what concerns them and they may see, per tenant and role', async () => {
      const client = await as(person);
      const made = await client.post('/api/me/calendar-feed', {});
      expect(made.status).toBe(201);
      const feed = await app.client().get(new URL(made.body.url).pathname);
      expect(feed.status).toBe(200);
      const expected = keysWhere((key) =>
        memberOf.some((tenant) => allowed(person, tenant, key) && concerns(person, key)),
      );
      expect(sorted(uids(feed.text))).toEqual(expected);
    });
  });

  it('shows anyone only public events that were announced, on the page and in the feed', async () => {
    for (const tenant of ['alpha', 'beta'] as const) {
      const expected = keysWhere(
        (key) =>
          FIXTURES[key].tenant === tenant && FIXTURES[key].isPublic && announced(FIXTURES[key]),
      );
      const shown: string[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `&after=${encodeURIComponent(after)}` : '';
        const page = await app.client().get(`/api/public/${tenant}/events?limit=1${query}`);
        expect(page.status).toBe(200);
        shown.push(...page.body.items.map((item: { id: string }) => keyOf(item.id)));
        after = page.body.nextCursor;
      } while (after);
      const feed = await app.client().get(`/api/public/${tenant}/events.ics`);
      expect({ page: sorted(shown), feed: sorted(uids(feed.text)) }).toEqual({
        page: expected,
        feed: expected,
      });
    }
  });

  it('announces a planned event only to focal points of its host States who may see it', async () => {
    const rows = (await ownerQuery(
      app,
      // The worker drops a sent message's link; the key names the event (event_announced:<id>:…).
      `select recipient, split_part(idempotency_key, ':', 2) as event_id
         from mail_outbox where kind = 'event_announced'`,
    )) as { recipient: string; event_id: string }[];
    const announcedTo = sorted(rows.map((row) => `${row.recipient} ${keyOf(row.event_id)}`));
    const expected = sorted(
      EVENT_KEYS.filter((key) => announced(FIXTURES[key])).flatMap((key) =>
        PERSON_KEYS.filter((person) => {
          const state = PEOPLE[person][FIXTURES[key].tenant]?.state;
          return (
            !!state &&
            FIXTURES[key].hosts.includes(state) &&
            allowed(person, FIXTURES[key].tenant, key)
          );
        }).map((person) => `${emailOf(person)} ${key}`),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(announcedTo).toEqual(expected);
  });

  it('reminds only people who may see the event, with their role in its tenant', async () => {
    const ds = app.running.databases.app;
    const scheduler = new MailScheduler(ds, { appUrl: 'https://convene.example' });
    await scheduler.tick(new Date('2030-02-26T08:00:00Z'));
    const rows = (await ownerQuery(
      app,
      // The worker drops a sent message's link; the key names the event (event_reminder:<id>:…).
      `select recipient, split_part(idempotency_key, ':', 2) as event_id
         from mail_outbox where kind = 'event_reminder'`,
    )) as { recipient: string; event_id: string }[];
    const reminded = sorted(rows.map((row) => `${row.recipient} ${keyOf(row.event_id)}`));
    const expected = sorted(
      EVENT_KEYS.filter((key) => announced(FIXTURES[key]) && !cancelled(FIXTURES[key])).flatMap(
        (key) =>
          [FIXTURES[key].officer, ...FIXTURES[key].speakers]
            .filter((person) => allowed(person, FIXTURES[key].tenant, key))
            .map((person) => `${emailOf(person)} ${key}`),
      ),
    );
    expect(reminded).toEqual(expected);
  });
});
