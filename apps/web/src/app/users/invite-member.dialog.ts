import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { type PendingInvitation, type ProblemDetails, type Role, ROLES } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { rejectedFields } from '../http/problem';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { requireStateForFocalPoints } from './role-state.rule';
import { UsersStore } from './users.store';

/** Invites someone to the tenant by email; closes with the pending invitation. */
@Component({
  selector: 'cv-invite-member-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'users.inviteDialog.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="cv-muted">{{ 'users.inviteDialog.intro' | transloco }}</p>
        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ 'common.email' | transloco }}</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="off"
            required
            cdkFocusInitial
          />
          @if (form.controls.email.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ 'common.role' | transloco }}</mat-label>
          <mat-select formControlName="role" required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ 'roles.' + role | transloco }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'roleDescriptions.' + role() | transloco }}</mat-hint>
        </mat-form-field>

        @if (role() === 'focal_point') {
          <cv-member-state-picker [control]="form.controls.memberStateAlpha3" [required]="true" />
        }

        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="submitting()">
          @if (submitting()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
          }
          {{ 'users.inviteDialog.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class InviteMemberDialog {
  private readonly store = inject(UsersStore);
  private readonly dialogRef =
    inject<MatDialogRef<InviteMemberDialog, PendingInvitation>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    role: new FormControl<Role>('expert', { nonNullable: true }),
    memberStateAlpha3: new FormControl<string | null>(null),
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });

  constructor() {
    requireStateForFocalPoints(
      this.form.controls.role,
      this.form.controls.memberStateAlpha3,
      inject(DestroyRef),
    );
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, role, memberStateAlpha3 } = this.form.getRawValue();
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const invitation = await this.store.invite({
        email: email.trim(),
        role,
        memberStateAlpha3: role === 'focal_point' ? memberStateAlpha3 : null,
      });
      this.dialogRef.close(invitation);
    } catch (problem) {
      this.showProblem(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }

  private showProblem(problem: ProblemDetails): void {
    for (const field of rejectedFields(problem)) {
      const control = this.form.get(field);
      control?.setErrors({ server: true });
      control?.markAsTouched();
    }
    this.problem.set(problem);
  }
}
