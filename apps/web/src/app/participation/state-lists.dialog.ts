import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, type Observable } from 'rxjs';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateChips } from '../member-states/member-state-chips.component';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { askToConfirm } from '../shared/confirm.dialog';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { ParticipationApi } from './participation.api';
import type { StateList } from './participation.models';
import { ParticipationStore } from './participation.store';

/** The most States one list holds (the API's limit: every Member State). */
const MAX_STATES = 195;

/**
 * The organisation's saved lists of States, to invite from: create one, rename it, change its
 * States, delete it. One list is edited at a time, in the form under the lists.
 */
@Component({
  selector: 'cv-state-lists-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    MemberStateChips,
    MemberStateNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'participation.stateLists.title' | transloco }}</h2>
    <mat-dialog-content>
      <p class="lists-intro">{{ 'participation.stateLists.intro' | transloco }}</p>
      @if (lists() === null) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (lists()?.length === 0) {
        <p class="cv-muted">{{ 'participation.stateLists.empty' | transloco }}</p>
      } @else {
        <ul class="lists">
          @for (list of lists(); track list.id) {
            <li class="list">
              <div class="list__what">
                <bdi class="list__name">{{ list.name }}</bdi>
                <span class="list__states">
                  {{
                    'participation.invite.listSize'
                      | transloco: { count: list.memberStates.length }
                  }}:
                  @for (code of list.memberStates; track code; let last = $last) {
                    <bdi>{{ code | memberStateName: language() }}</bdi
                    >{{ last ? '' : ', ' }}
                  }
                </span>
              </div>
              <div class="list__actions">
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="edit(list)"
                  [attr.aria-label]="
                    'participation.stateLists.editNamed' | transloco: { name: list.name }
                  "
                >
                  <mat-icon svgIcon="edit" />
                  {{ 'participation.stateLists.edit' | transloco }}
                </button>
                <button
                  mat-button
                  type="button"
                  class="cv-danger-text"
                  [disabled]="busy()"
                  (click)="remove(list)"
                  [attr.aria-label]="
                    'participation.stateLists.deleteNamed' | transloco: { name: list.name }
                  "
                >
                  <mat-icon svgIcon="delete" />
                  {{ 'participation.stateLists.delete' | transloco }}
                </button>
              </div>
            </li>
          }
        </ul>
      }

      @if (editing(); as target) {
        <form
          [formGroup]="form"
          (ngSubmit)="save()"
          novalidate
          class="list-form"
          aria-labelledby="list-form-title"
        >
          <h3 id="list-form-title" class="list-form__title">
            @if (target === 'new') {
              {{ 'participation.stateLists.newTitle' | transloco }}
            } @else {
              {{ 'participation.stateLists.editTitle' | transloco: { name: target.name } }}
            }
          </h3>
          <mat-form-field class="cv-full-width">
            <mat-label>{{ 'participation.invite.listName' | transloco }}</mat-label>
            <input matInput formControlName="name" maxlength="100" required />
            @if (form.controls.name.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <cv-member-state-chips
            [control]="form.controls.memberStates"
            labelKey="participation.stateLists.states"
          />
          @if (noStates()) {
            <p class="list-form__missing" role="alert">
              {{ 'participation.stateLists.chooseStates' | transloco }}
            </p>
          }
          <div class="list-form__actions">
            <button mat-button type="button" (click)="cancel()">
              {{ 'common.cancel' | transloco }}
            </button>
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ 'participation.stateLists.save' | transloco }}
            </button>
          </div>
        </form>
      }
      <cv-live-error [problem]="problem()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (!editing()) {
        <button mat-stroked-button type="button" (click)="create()">
          <mat-icon svgIcon="add" />
          {{ 'participation.stateLists.new' | transloco }}
        </button>
      }
      <button mat-button type="button" mat-dialog-close>
        {{ 'participation.nominee.close' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .lists-intro {
      margin: 0 0 12px;
    }
    .lists {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
      padding-block: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .list__what {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .list__name {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .list__states {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .list__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .list-form {
      margin-block-start: 16px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .list-form__title {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .list-form__missing {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
    .list-form__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class StateListsDialog {
  private readonly api = inject(ParticipationApi);
  private readonly store = inject(ParticipationStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;

  protected readonly lists = signal<StateList[] | null>(null);
  /** The list in the form: a new one, one of the lists, or none. */
  protected readonly editing = signal<StateList | 'new' | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly noStates = signal(false);

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    memberStates: new FormControl<string[]>([], { nonNullable: true }),
  });

  constructor() {
    this.load();
  }

  protected create(): void {
    this.open('new', '', []);
  }

  protected edit(list: StateList): void {
    this.open(list, list.name, list.memberStates);
  }

  protected cancel(): void {
    this.editing.set(null);
    this.problem.set(null);
  }

  protected async save(): Promise<void> {
    const target = this.editing();
    if (!target || this.busy()) return;
    const name = this.form.controls.name.value.trim();
    this.form.controls.name.setValue(name);
    const memberStates = this.form.controls.memberStates.value;
    this.noStates.set(memberStates.length === 0);
    if (this.form.invalid || memberStates.length === 0) {
      this.form.markAllAsTouched();
      return;
    }
    const saved = await this.act(
      target === 'new'
        ? this.api.saveStateList(this.tenant(), name, memberStates)
        : this.api.updateStateList(this.tenant(), target.id, { name, memberStates }),
    );
    if (!saved) return;
    this.editing.set(null);
    this.notifier.success('participation.stateLists.saved', { name });
    this.load();
  }

  protected async remove(list: StateList): Promise<void> {
    const sure = await askToConfirm(this.dialog, {
      titleKey: 'participation.stateLists.deleteTitle',
      messageKey: 'participation.stateLists.deleteBody',
      confirmKey: 'participation.stateLists.delete',
      params: { name: list.name },
      destructive: true,
    });
    if (!sure) return;
    const done = await this.act(this.api.deleteStateList(this.tenant(), list.id));
    if (!done) return;
    const editing = this.editing();
    if (editing && editing !== 'new' && editing.id === list.id) this.editing.set(null);
    this.notifier.success('participation.stateLists.deleted', { name: list.name });
    this.load();
  }

  private open(target: StateList | 'new', name: string, memberStates: readonly string[]): void {
    this.problem.set(null);
    this.noStates.set(false);
    this.form.reset({ name, memberStates: memberStates.slice(0, MAX_STATES) });
    this.editing.set(target);
  }

  private load(): void {
    this.api.stateLists(this.tenant()).subscribe({
      next: (collection) => this.lists.set(collection.items),
      error: (error: unknown) => {
        this.lists.set([]);
        this.problem.set(toProblem(error));
      },
    });
  }

  private tenant(): string {
    const slug = this.store.tenantSlug();
    if (!slug) throw new Error('Saved lists need a current tenant');
    return slug;
  }

  /** One request, its problem (a name taken: 409) shown in the dialog; the answer, or null. */
  private async act<T>(request: Observable<T>): Promise<{ answer: T | undefined } | null> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      return { answer: await firstValueFrom(request, { defaultValue: undefined }) };
    } catch (error) {
      this.problem.set(toProblem(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
