import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  AgendaSession,
  ExpertAssignment,
  ExpertRole,
  ExpertRosterEntry,
  ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  of,
  startWith,
  switchMap,
  map,
} from 'rxjs';
import { toProblem } from '../http/problem';
import { DialogActions } from '../shared/dialog-actions.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { EventExpertsStore } from './event-experts.store';
import { ROLES } from './expert-labels';
import { EMPTY_ROSTER_FILTER } from './roster.store';
import { ExpertsApi } from './experts.api';

export interface AssignDialogData {
  tenant: string;
  sessions: readonly AgendaSession[];
}

/** Asks an expert of the roster to take a role at the event or one of its sessions. */
@Component({
  selector: 'cv-assign-expert-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    DialogActions,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'experts.assign.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="cv-muted">{{ 'experts.assign.intro' | transloco }}</p>
        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ 'experts.assign.expert' | transloco }}</mat-label>
          <input
            matInput
            formControlName="expert"
            [matAutocomplete]="auto"
            autocomplete="off"
            required
            cdkFocusInitial
            dir="auto"
          />
          <mat-autocomplete #auto="matAutocomplete" [displayWith]="display">
            @for (expert of matches(); track expert.userId) {
              <mat-option [value]="expert">
                <bdi>{{ expert.name }}</bdi>
                @if (expert.organisation) {
                  <span class="cv-muted">
                    · <bdi>{{ expert.organisation }}</bdi></span
                  >
                }
              </mat-option>
            }
          </mat-autocomplete>
          @if (form.controls.expert.touched && form.controls.expert.invalid) {
            <mat-error>{{ 'experts.assign.pickExpert' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ 'experts.assign.session' | transloco }}</mat-label>
          <mat-select formControlName="sessionId">
            <mat-option [value]="null">{{ 'experts.assign.wholeEvent' | transloco }}</mat-option>
            @for (session of data.sessions; track session.id) {
              <mat-option [value]="session.id"
                ><bdi>{{ session.title }}</bdi></mat-option
              >
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ 'experts.assign.role' | transloco }}</mat-label>
          <mat-select formControlName="role" required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ 'experts.roles.' + role | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="experts.assign.submit" [submitting]="submitting()" />
    </form>
  `,
})
export class AssignDialog {
  protected readonly data = inject<AssignDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(EventExpertsStore);
  private readonly api = inject(ExpertsApi);
  private readonly dialogRef = inject<MatDialogRef<AssignDialog, ExpertAssignment>>(MatDialogRef);
  protected readonly roles = ROLES;
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    expert: new FormControl<ExpertRosterEntry | string | null>(null, [
      Validators.required,
      (control) => (control.value && typeof control.value === 'object' ? null : { pick: true }),
    ]),
    sessionId: new FormControl<string | null>(null),
    role: new FormControl<ExpertRole>('speaker', { nonNullable: true }),
  });

  /** Experts of the roster whose name, organisation or bio holds what is typed. */
  protected readonly matches = toSignal(
    this.form.controls.expert.valueChanges.pipe(
      startWith(''),
      map((value) => (typeof value === 'string' ? value : '')),
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((q) =>
        this.api.roster(this.data.tenant, { ...EMPTY_ROSTER_FILTER, q }, null).pipe(
          map((page) => page.items),
          catchError(() => of([] as ExpertRosterEntry[])),
        ),
      ),
    ),
    { initialValue: [] as ExpertRosterEntry[] },
  );

  protected readonly display = (expert: ExpertRosterEntry | string | null) =>
    expert && typeof expert === 'object' ? expert.name : (expert ?? '');

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    const { expert, sessionId, role } = this.form.getRawValue();
    if (this.form.invalid || !expert || typeof expert !== 'object' || this.submitting()) return;
    this.submitting.set(true);
    this.problem.set(null);
    try {
      this.dialogRef.close(await this.store.assign({ userId: expert.userId, sessionId, role }));
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
