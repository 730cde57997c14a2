import { ChangeDetectionStrategy, Component, inject, Injector, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { ExpertPanel, MyAssignment } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { PanelLoad } from '../home/home-panel';
import { PanelState } from '../home/panel-state.component';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { DeclarationDialog, type DeclarationDialogData } from './declaration.dialog';
import { ExpertsApi } from './experts.api';
import { TextDialog, type TextDialogData } from './text.dialog';

/**
 * The expert's home panel: requests to answer (accept, or decline saying why), the upcoming
 * sessions they speak at, and the declarations of interest still due.
 */
@Component({
  selector: 'cv-expert-home-panel',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, LocalDatePipe, PanelState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../home/home-panel.scss', './experts.scss'],
  template: `
    <h2 class="cv-panel-title">{{ 'experts.home.title' | transloco }}</h2>
    <cv-panel-state [load]="panel">
      @if (panel.value(); as current) {
        <h3 class="experts-home__heading">{{ 'experts.home.toAnswer' | transloco }}</h3>
        @if (current.toAnswer.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'experts.home.nothingToAnswer' | transloco }}</p>
        } @else {
          <ul class="home-panel__list">
            @for (assignment of current.toAnswer; track assignment.id) {
              <li>
                <strong
                  ><bdi>{{ assignment.event.title }}</bdi></strong
                >
                <span class="home-panel__meta">
                  {{ 'experts.roles.' + assignment.role | transloco }}
                  @if (assignment.session) {
                    · <bdi>{{ assignment.session.title }}</bdi>
                  }
                  · {{ assignment.event.startsAt | localDate: 'mediumDate' : language() }}
                </span>
                <span class="experts-actions">
                  <button
                    mat-flat-button
                    type="button"
                    (click)="accept(assignment)"
                    [disabled]="busy()"
                  >
                    {{ 'experts.home.accept' | transloco }}
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="decline(assignment)"
                    [disabled]="busy()"
                  >
                    {{ 'experts.home.decline' | transloco }}
                  </button>
                </span>
              </li>
            }
          </ul>
        }

        <h3 class="experts-home__heading">{{ 'experts.home.sessions' | transloco }}</h3>
        @if (current.sessions.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'experts.home.noSessions' | transloco }}</p>
        } @else {
          <ul class="home-panel__list">
            @for (assignment of current.sessions; track assignment.id) {
              <li>
                <a
                  class="cv-link"
                  [routerLink]="['/t', tenant(), 'events', assignment.event.id]"
                  [queryParams]="{ tab: 'agenda' }"
                  ><bdi>{{ assignment.session?.title }}</bdi></a
                >
                <span class="home-panel__meta">
                  <bdi>{{ assignment.event.title }}</bdi> ·
                  {{ 'experts.roles.' + assignment.role | transloco }} ·
                  {{ assignment.session?.startsAt | localDate: 'mediumDate' : language() }}
                </span>
              </li>
            }
          </ul>
        }

        <h3 class="experts-home__heading">{{ 'experts.home.declarations' | transloco }}</h3>
        @if (current.declarationsDue.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'experts.home.noDeclarations' | transloco }}</p>
        } @else {
          <ul class="home-panel__list">
            @for (event of current.declarationsDue; track event.id) {
              <li>
                <a class="cv-link" [routerLink]="['/t', tenant(), 'events', event.id]"
                  ><bdi>{{ event.title }}</bdi></a
                >
                <span class="home-panel__meta">
                  {{ event.startsAt | localDate: 'mediumDate' : language() }}
                </span>
                <button mat-stroked-button type="button" (click)="declare(event)">
                  {{ 'experts.home.fileDeclaration' | transloco }}
                  <span class="cdk-visually-hidden"
                    ><bdi>{{ event.title }}</bdi></span
                  >
                </button>
              </li>
            }
          </ul>
        }
        <a class="cv-link" [routerLink]="['/t', tenant(), 'experts', 'me']">
          {{ 'experts.home.editProfile' | transloco }}
        </a>
      }
    </cv-panel-state>
  `,
})
export class ExpertHomePanel {
  readonly tenant = input.required<string>();
  private readonly api = inject(ExpertsApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly busy = signal(false);
  protected readonly panel = new PanelLoad<ExpertPanel>(this.tenant, (tenant) =>
    this.api.panel(tenant),
  );

  protected async accept(assignment: MyAssignment): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.accept(this.tenant(), assignment));
      this.notifier.success('experts.home.accepted', { title: assignment.event.title });
      this.panel.load();
    } catch (error) {
      this.notifier.failure(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async decline(assignment: MyAssignment): Promise<void> {
    const data: TextDialogData = {
      titleKey: 'experts.home.declineTitle',
      introKey: 'experts.home.declineIntro',
      labelKey: 'experts.home.reason',
      submitKey: 'experts.home.decline',
      kind: 'reason',
      submit: (reason) => firstValueFrom(this.api.decline(this.tenant(), assignment, reason)),
    };
    const sent = await firstValueFrom(
      this.dialog
        .open(TextDialog, { data, injector: this.injector, width: '480px', maxWidth: '95vw' })
        .afterClosed(),
    );
    if (sent) {
      this.notifier.success('experts.home.declined');
      this.panel.load();
    }
  }

  protected async declare(event: { id: string; title: string }): Promise<void> {
    const data: DeclarationDialogData = { tenant: this.tenant(), event };
    const filed = await firstValueFrom(
      this.dialog
        .open(DeclarationDialog, {
          data,
          injector: this.injector,
          width: '520px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (filed) {
      this.notifier.success('experts.declaration.done');
      this.panel.load();
    }
  }
}
