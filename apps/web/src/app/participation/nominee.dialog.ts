import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, type Observable } from 'rxjs';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { linkStanding } from './participant-links';
import { ParticipationApi } from './participation.api';
import type {
  CertificateStanding,
  CertificateSummary,
  NominationFull,
  ParticipantLinkState,
} from './participation.models';
import { problemOfBlob, ParticipationStore } from './participation.store';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';
import { saveFile } from './save-file';

export interface NomineeDialogData {
  nomination: NominationFull;
  eventId: string;
  stateName: string;
}

/** Where the certificate stands, as the API says (CertificateStanding) and this dialog did. */
type Standing =
  | { kind: 'notOnList' }
  | { kind: 'notAttended' }
  | { kind: 'none'; daysAttended: number; revokedAt: string | null }
  | { kind: 'issued'; daysAttended: number; summary: CertificateSummary };

/**
 * One nominee as an officer handles them after the decision: the participant's signed links
 * (which work, which were used, expired or revoked; revoke them, or send new ones), and their
 * certificate of participation (issue, revoke with a reason, download the PDF).
 */
@Component({
  selector: 'cv-nominee-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    LiveError,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      <bdi>{{ nomination.fullName }}</bdi>
    </h2>
    <mat-dialog-content>
      <p class="nominee-summary">
        <bdi>{{ data.stateName }}</bdi> ·
        {{ 'participation.nominationStatuses.' + nomination.status | transloco }}
        @if (nomination.confirmation) {
          · {{ 'participation.confirmations.' + nomination.confirmation | transloco }}
        }
      </p>
      <p class="nominee-email">
        <bdi>{{ nomination.participant.email }}</bdi>
      </p>

      <section class="nominee-section" aria-labelledby="nominee-links-title">
        <h3 id="nominee-links-title" class="nominee-title">
          {{ 'participation.nominee.links.title' | transloco }}
        </h3>
        @if (links() === null) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        } @else if (links()?.length === 0) {
          <p class="cv-muted">{{ 'participation.nominee.links.none' | transloco }}</p>
        } @else {
          <ul class="nominee-links">
            @for (link of links(); track $index) {
              @let standing = standingOf(link);
              <li class="nominee-link">
                <span class="nominee-link__purpose">{{
                  'participation.nominee.links.purposes.' + link.purpose | transloco
                }}</span>
                <span [class]="'nominee-chip nominee-chip--' + standing">{{
                  'participation.nominee.links.standings.' + standing | transloco
                }}</span>
                <span class="nominee-link__dates">
                  {{
                    'participation.nominee.links.made'
                      | transloco
                        : {
                            made: (link.createdAt | localDate: 'mediumDate' : language()),
                            until: (link.expiresAt | localDate: 'mediumDate' : language()),
                          }
                  }}
                  @if (link.usedAt) {
                    ·
                    {{
                      'participation.nominee.links.usedOn'
                        | transloco: { date: (link.usedAt | localDate: 'mediumDate' : language()) }
                    }}
                  }
                  @if (link.revokedAt) {
                    ·
                    {{
                      'participation.nominee.links.revokedOn'
                        | transloco
                          : { date: (link.revokedAt | localDate: 'mediumDate' : language()) }
                    }}
                  }
                </span>
              </li>
            }
          </ul>
        }
        <div class="nominee-actions">
          @if (hasActiveLink()) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="revokeLinks()">
              <mat-icon svgIcon="link_off" />
              {{ 'participation.nominee.links.revoke' | transloco }}
            </button>
          }
          @if (holdsSeat) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="reissueLinks()">
              <mat-icon svgIcon="outgoing_mail" />
              {{ 'participation.nominee.links.reissue' | transloco }}
            </button>
          }
        </div>
      </section>

      <section class="nominee-section" aria-labelledby="nominee-certificate-title">
        <h3 id="nominee-certificate-title" class="nominee-title">
          {{ 'participation.nominee.certificate.title' | transloco }}
        </h3>
        @switch (certificate()?.kind) {
          @case (undefined) {
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="'common.loading' | transloco"
            />
          }
          @case ('notOnList') {
            <p class="cv-muted">{{ 'participation.nominee.certificate.notOnList' | transloco }}</p>
          }
          @case ('notAttended') {
            <p class="cv-muted">
              {{ 'participation.nominee.certificate.notAttended' | transloco }}
            </p>
          }
          @case ('none') {
            @let none = noneStanding();
            <p>
              {{
                'participation.nominee.certificate.attended'
                  | transloco: { days: none?.daysAttended }
              }}
              @if (none?.revokedAt; as revokedAt) {
                {{
                  'participation.nominee.certificate.revokedOn'
                    | transloco: { date: (revokedAt | localDate: 'mediumDate' : language()) }
                }}
              } @else {
                {{ 'participation.nominee.certificate.notIssued' | transloco }}
              }
            </p>
            <div class="nominee-actions">
              <button
                mat-flat-button
                type="button"
                [disabled]="busy()"
                (click)="issueCertificate()"
              >
                <mat-icon svgIcon="workspace_premium" />
                {{ 'participation.nominee.certificate.issue' | transloco }}
              </button>
            </div>
          }
          @case ('issued') {
            @let issued = issuedStanding();
            <p>
              <mat-icon class="nominee-ok" aria-hidden="true" svgIcon="verified" />
              @if (issued?.summary; as summary) {
                {{
                  'participation.nominee.certificate.issuedOn'
                    | transloco: { date: (summary.issuedAt | localDate: 'mediumDate' : language()) }
                }}
                {{ 'participation.nominee.certificate.code' | transloco }}
                <strong dir="ltr" class="nominee-code">{{ summary.verificationCode }}</strong>
              }
            </p>
            <div class="nominee-actions">
              <button mat-flat-button type="button" [disabled]="busy()" (click)="download()">
                <mat-icon svgIcon="download" />
                {{ 'participation.nominee.certificate.download' | transloco }}
              </button>
              <button
                mat-stroked-button
                type="button"
                class="nominee-danger"
                [disabled]="busy()"
                (click)="revokeCertificate()"
              >
                <mat-icon svgIcon="gpp_bad" />
                {{ 'participation.nominee.certificate.revoke' | transloco }}
              </button>
            </div>
          }
        }
      </section>
      <cv-live-error [problem]="problem()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'participation.nominee.close' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .nominee-summary,
    .nominee-email {
      margin: 0;
    }
    .nominee-email {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .nominee-section {
      margin-block-start: 20px;
    }
    .nominee-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .nominee-links {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
    }
    .nominee-link {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
      padding-block: 6px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .nominee-link__purpose {
      font: var(--mat-sys-title-small);
    }
    .nominee-link__dates {
      flex-basis: 100%;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .nominee-chip {
      padding: 0 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .nominee-chip--active {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .nominee-chip--revoked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .nominee-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .nominee-danger:not(:disabled) {
      color: var(--mat-sys-error);
    }
    .nominee-ok {
      vertical-align: middle;
      color: var(--mat-sys-primary);
    }
    .nominee-code {
      font-family: monospace;
      unicode-bidi: isolate;
      /* A code is read and typed whole: never broken at its hyphens. */
      white-space: nowrap;
    }
  `,
})
export class NomineeDialog {
  protected readonly data = inject<NomineeDialogData>(MAT_DIALOG_DATA);
  protected readonly nomination = this.data.nomination;
  protected readonly language = inject(LanguageService).language;
  private readonly api = inject(ParticipationApi);
  private readonly store = inject(ParticipationStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** Links can be sent again only to someone holding a seat (approved, not declined by them). */
  protected readonly holdsSeat =
    this.nomination.status === 'approved' && this.nomination.confirmation !== 'declined';

  protected readonly links = signal<ParticipantLinkState[] | null>(null);
  protected readonly certificate = signal<Standing | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly hasActiveLink = computed(() =>
    (this.links() ?? []).some((link) => linkStanding(link) === 'active'),
  );
  protected readonly noneStanding = computed(() => {
    const standing = this.certificate();
    return standing?.kind === 'none' ? standing : null;
  });
  protected readonly issuedStanding = computed(() => {
    const standing = this.certificate();
    return standing?.kind === 'issued' ? standing : null;
  });

  constructor() {
    this.loadLinks();
    this.loadCertificate();
  }

  protected standingOf(link: ParticipantLinkState) {
    return linkStanding(link);
  }

  protected async revokeLinks(): Promise<void> {
    const sure = await askToConfirm(this.dialog, {
      titleKey: 'participation.nominee.links.revokeTitle',
      messageKey: 'participation.nominee.links.revokeBody',
      confirmKey: 'participation.nominee.links.revoke',
      params: { name: this.nomination.fullName },
      destructive: true,
    });
    if (!sure) return;
    const result = await this.act(
      this.api.revokeLinks(this.tenant(), this.data.eventId, this.nomination.id),
    );
    if (result) {
      this.links.set(result.links);
      this.notifier.success('participation.nominee.links.revoked');
    }
  }

  protected async reissueLinks(): Promise<void> {
    const sure = await askToConfirm(this.dialog, {
      titleKey: 'participation.nominee.links.reissueTitle',
      messageKey: 'participation.nominee.links.reissueBody',
      confirmKey: 'participation.nominee.links.reissue',
      params: { name: this.nomination.fullName, email: this.nomination.participant.email },
    });
    if (!sure) return;
    const result = await this.act(
      this.api.reissueLinks(this.tenant(), this.data.eventId, this.nomination.id),
    );
    if (result) {
      this.links.set(result.links);
      this.notifier.success('participation.nominee.links.reissued');
    }
  }

  protected async issueCertificate(): Promise<void> {
    const summary = await this.act(this.api.issueCertificate(this.tenant(), this.nomination.id));
    if (!summary) return;
    this.certificate.set({ kind: 'issued', daysAttended: this.daysAttended(), summary });
    this.notifier.success('participation.nominee.certificate.issuedDone');
  }

  protected async revokeCertificate(): Promise<void> {
    const reason = await firstValueFrom(
      this.dialog
        .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, {
          data: {
            titleKey: 'participation.nominee.certificate.revokeTitle',
            bodyKey: 'participation.nominee.certificate.revokeBody',
            labelKey: 'participation.nominee.certificate.reason',
            confirmKey: 'participation.nominee.certificate.revoke',
            params: { name: this.nomination.fullName },
            singleLine: { maxLength: 500 },
            destructive: true,
          },
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (reason === undefined) return;
    const summary = await this.act(
      this.api.revokeCertificate(this.tenant(), this.nomination.id, reason),
    );
    if (!summary) return;
    this.certificate.set({
      kind: 'none',
      daysAttended: this.daysAttended(),
      revokedAt: summary.revokedAt,
    });
    this.notifier.success('participation.nominee.certificate.revokedDone');
  }

  protected async download(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const blob = await firstValueFrom(this.api.certificatePdf(this.tenant(), this.nomination.id));
      saveFile(blob, `certificate-${this.fileSafe(this.nomination.fullName)}.pdf`);
    } catch (error) {
      this.problem.set(await problemOfBlob(error));
    } finally {
      this.busy.set(false);
    }
  }

  private loadLinks(): void {
    this.api.participantLinks(this.tenant(), this.data.eventId, this.nomination.id).subscribe({
      next: (result) => this.links.set(result.links),
      error: (error: unknown) => {
        this.links.set([]);
        this.problem.set(toProblem(error));
      },
    });
  }

  /** The nominee's standing for a certificate: on the list, days attended, the certificate. */
  private loadCertificate(): void {
    if (!this.holdsSeat) {
      this.certificate.set({ kind: 'notOnList' });
      return;
    }
    this.api.certificateStanding(this.tenant(), this.nomination.id).subscribe({
      next: (standing) => this.certificate.set(this.standingFrom(standing)),
      error: (error: unknown) => {
        this.certificate.set({ kind: 'notOnList' });
        this.problem.set(toProblem(error));
      },
    });
  }

  private standingFrom(standing: CertificateStanding): Standing {
    const { certificate, daysAttended } = standing;
    if (certificate && !certificate.revokedAt)
      return { kind: 'issued', daysAttended, summary: certificate };
    if (!standing.onList) return { kind: 'notOnList' };
    if (daysAttended === 0) return { kind: 'notAttended' };
    return { kind: 'none', daysAttended, revokedAt: certificate?.revokedAt ?? null };
  }

  private daysAttended(): number {
    const standing = this.certificate();
    return standing && 'daysAttended' in standing ? standing.daysAttended : 0;
  }

  private tenant(): string {
    const slug = this.store.tenantSlug();
    if (!slug) throw new Error('The nominee dialog needs a current tenant');
    return slug;
  }

  private fileSafe(name: string): string {
    return (
      name
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'participant'
    );
  }

  /** One request, its problem shown in the dialog; resolves with the answer, or null. */
  private async act<T>(request: Observable<T>): Promise<T | null> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      return await firstValueFrom(request);
    } catch (error) {
      this.problem.set(toProblem(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
