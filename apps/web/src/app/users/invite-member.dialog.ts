import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type PendingInvitation, type ProblemDetails, type Role } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { rejectedFields } from '../http/problem';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { RoleFields } from './role-fields.component';
import { UsersStore } from './users.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Invites someone to the tenant by email; closes with the pending invitation. */
@Component({
  selector: 'cv-invite-member-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorPipe,
    DialogActions,
    LiveError,
    RoleFields,
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

        <cv-role-fields
          [role]="form.controls.role"
          [memberStateAlpha3]="form.controls.memberStateAlpha3"
        />

        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="users.inviteDialog.submit" [submitting]="submitting()" />
    </form>
  `,
})
export class InviteMemberDialog {
  private readonly store = inject(UsersStore);
  private readonly dialogRef =
    inject<MatDialogRef<InviteMemberDialog, PendingInvitation>>(MatDialogRef);

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
