import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AssessmentStatus, Role } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { provideMockStore } from '@ngrx/store/testing';
import { of } from 'rxjs';
import { AssessmentsApi } from '../assessments/assessments.api';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { anEvent } from '../events/event.fixtures';
import { EventsApi } from '../events/events.api';
import { LanguageService } from '../i18n/language.service';
import { MailApi } from '../mail/mail.api';
import { MemberStatesApi } from '../member-states/member-states.api';
import { ParticipationApi } from '../participation/participation.api';
import { UsersApi } from '../users/users.api';
import { TenantHomePage } from './tenant-home.page';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

async function homeOf(role: Role, failedMail = 0) {
  const events = {
    list: jest.fn((_tenant: string, filter: { status: string | null }) =>
      of({
        items:
          filter.status === 'draft'
            ? [anEvent({ id: 'draft-1', title: 'Workshop still in draft' })]
            : [anEvent({ id: 'next-1', title: 'Upcoming meeting', status: 'planned' })],
        nextCursor: null,
      }),
    ),
  };
  const users = {
    listInvitations: jest.fn(() =>
      of({
        items: [
          {
            id: 'invitation-1',
            email: 'new.expert@example.org',
            role: 'expert',
            memberStateAlpha3: null,
            invitedBy: 'Amina Haddad',
            createdAt: '2026-11-28T08:00:00.000Z',
            expiresAt: '2026-12-05T08:00:00.000Z',
          },
        ],
        nextCursor: null,
      }),
    ),
  };
  const participation = {
    openInvitations: jest.fn(() =>
      of({
        items: [
          {
            id: 'state-invitation-1',
            event: {
              id: 'next-1',
              title: 'Regional workshop on digital evidence',
              startsAt: '2027-03-29T07:00:00.000Z',
              endsAt: '2027-03-31T15:00:00.000Z',
              timeZone: 'Africa/Nairobi',
              status: 'nominations_open' as const,
            },
            memberState: 'KEN',
            status: 'invited' as const,
            seats: 3,
            seatsLeft: 2,
            nominationDeadline: '2027-02-15',
            seatRequest: null,
          },
        ],
      }),
    ),
  };
  const mail = {
    counts: jest.fn(() => of({ queued: 0, sent: 12, failed: failedMail, cancelled: 0 })),
  };
  const memberStates = { list: jest.fn(() => of([])) };
  const assessment = (id: string, status: AssessmentStatus, memberState: string) => ({
    id,
    memberState,
    requestId: null,
    questionnaireVersion: 1,
    status,
    answered: 12,
    questions: 72,
    overallGap: 40,
    version: 3,
    createdBy: null,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    submittedAt: status === 'draft' ? null : '2026-11-20T08:00:00.000Z',
    validatedAt: null,
  });
  const assessments = {
    list: jest.fn((_tenant: string, filter: { status: string | null }) =>
      of({
        items:
          filter.status === 'submitted'
            ? [assessment('submitted-1', 'submitted', 'NGA')]
            : [
                assessment('returned-1', 'returned', 'KEN'),
                assessment('done-1', 'validated', 'KEN'),
              ],
        nextCursor: null,
      }),
    ),
  };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      // The app reads its translations as ICU messages.
      provideIcuMessages(),
      provideRouter([]),
      { provide: EventsApi, useValue: events },
      { provide: UsersApi, useValue: users },
      { provide: MailApi, useValue: mail },
      { provide: ParticipationApi, useValue: participation },
      { provide: MemberStatesApi, useValue: memberStates },
      { provide: AssessmentsApi, useValue: assessments },
      { provide: LanguageService, useValue: { language: signal('en') } },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', role, role === 'focal_point' ? 'KEN' : null)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  const fixture = TestBed.createComponent(TenantHomePage);
  fixture.detectChanges();
  // A role's own panels and the State's name are deferred blocks: let them load.
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  return {
    panels: [...element.querySelectorAll('h2')].map((h2) => h2.textContent?.trim()),
    text: element.textContent ?? '',
    element,
    events,
    users,
    mail,
    participation,
    memberStates,
    assessments,
    links: [...element.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  };
}

describe('the tenant home', () => {
  it('shows an administrator the events, the drafts, the invitations and the mail', async () => {
    const home = await homeOf('tenant_admin', 3);
    expect(home.panels).toEqual([
      'Needs assessments waiting for validation',
      'Upcoming events',
      'Drafts to plan',
      'Pending invitations',
      'Mail delivery',
      'Your place here',
    ]);
    expect(home.text).toContain('Workshop still in draft');
    expect(home.text).toContain('new.expert@example.org');
    expect(home.text).toContain('Not delivered: 3');
    expect(home.events.list).toHaveBeenCalledWith(
      'demo',
      expect.objectContaining({ status: 'draft' }),
      null,
      5,
    );
  });

  it('shows an officer the events and the drafts, and asks nothing of people or mail', async () => {
    const home = await homeOf('programme_officer');
    expect(home.panels).toEqual([
      'Needs assessments waiting for validation',
      'Upcoming events',
      'Drafts to plan',
      'Your place here',
    ]);
    expect(home.users.listInvitations).not.toHaveBeenCalled();
    expect(home.mail.counts).not.toHaveBeenCalled();
  });

  it('shows a focal point their State’s open invitations, then the events they can see', async () => {
    const home = await homeOf('focal_point');
    expect(home.panels).toEqual([
      'Open invitations',
      'Your State’s needs assessments',
      'Upcoming events',
      'Your place here',
    ]);
    expect(home.participation.openInvitations).toHaveBeenCalledWith('demo');
    expect(home.text).toContain('Regional workshop on digital evidence');
    expect(home.text).toContain('Nominate by Feb 15, 2027 · 2 seats left');
    expect(home.text).toContain('Upcoming meeting');
    expect(home.events.list).toHaveBeenCalledTimes(1);
    // The State's name needs the list of States: asked for a focal point's home only.
    expect(home.memberStates.list).toHaveBeenCalledTimes(1);
    expect(home.text).toContain('KEN');
  });

  it('shows an officer the assessments States submitted, and opens each on its result', async () => {
    const home = await homeOf('programme_officer');
    expect(home.assessments.list).toHaveBeenCalledWith(
      'demo',
      { state: null, status: 'submitted' },
      null,
      5,
    );
    expect(home.links).toContain('/t/demo/assessments/submitted-1');
    expect(home.text).toMatch(/waiting \d+ days?|waiting since today/);
  });

  it('shows a focal point their State’s assessments, a returned one opening where it is filled', async () => {
    const home = await homeOf('focal_point');
    expect(home.assessments.list).toHaveBeenCalledWith(
      'demo',
      { state: null, status: null },
      null,
      5,
    );
    expect(home.links).toContain('/t/demo/assessments/returned-1/fill');
    expect(home.links).toContain('/t/demo/assessments/done-1');
    expect(home.text).toMatch(/Started Nov 1, 2026\s+Returned\s+· 12 of 72 rated/);
  });

  it('shows an expert no assessments', async () => {
    const home = await homeOf('expert');
    expect(home.assessments.list).not.toHaveBeenCalled();
  });

  it('links a focal point to their own State’s page', async () => {
    const focal = await homeOf('focal_point');
    const link = focal.element.querySelector<HTMLAnchorElement>('[data-testid="own-state-page"]');
    expect(link?.getAttribute('href')).toBe('/t/demo/states/KEN');
    expect(link?.textContent?.trim()).toBe('Open your State’s page');
  });

  it.each(['tenant_admin', 'programme_officer', 'expert'] as const)(
    'gives no link to a State’s page of their own to %s',
    async (role) => {
      const home = await homeOf(role);
      expect(home.element.querySelector('[data-testid="own-state-page"]')).toBeNull();
    },
  );

  it('asks an officer’s home for the list of States: the waiting assessments are named by it', async () => {
    const officer = await homeOf('programme_officer');
    expect(officer.memberStates.list).toHaveBeenCalledTimes(1);
    expect(officer.text).toContain('You do not represent a Member State.');
  });

  it('asks for no list of States where no panel names one', async () => {
    const expert = await homeOf('expert');
    expect(expert.memberStates.list).not.toHaveBeenCalled();
  });

  it('shows an expert the events they can see, and no invitations', async () => {
    const home = await homeOf('expert');
    expect(home.panels).toEqual(['Your expert work', 'Upcoming events', 'Your place here']);
    expect(home.participation.openInvitations).not.toHaveBeenCalled();
    expect(home.text).toContain('Upcoming meeting');
    expect(home.events.list).toHaveBeenCalledTimes(1);
  });

  it('says so when no mail has failed', async () => {
    expect((await homeOf('tenant_admin', 0)).text).toContain('No mail has failed to arrive.');
  });

  it('counts failed mail with the plural rules, in the thousands too', async () => {
    // A count handed over already formatted ("1,234") is no number to pluralise.
    expect((await homeOf('tenant_admin', 1234)).text).toContain('Not delivered: 1,234 messages');
  });

  it('says "message" for one failed mail', async () => {
    expect((await homeOf('tenant_admin', 1)).text).toContain('Not delivered: 1 message');
  });

  it('promises nothing that does not exist yet', async () => {
    expect((await homeOf('tenant_admin')).text).not.toMatch(/will show|Meanwhile/);
  });
});
