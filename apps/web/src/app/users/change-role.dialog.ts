import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { type ProblemDetails, type Role, type TenantMember } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { rejectedFields } from '../http/problem';
import { DialogActions } from '../shared/dialog-actions.component';
import { LiveError } from '../shared/live-error.component';
import { RoleFields } from './role-fields.component';
import { UsersStore } from './users.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Changes a member's role (and the State a focal point represents). */
@Component({
  selector: 'cv-change-role-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    TranslocoPipe,
    DialogActions,
    LiveError,
    RoleFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ 'users.roleDialog.title' | transloco: { name: member.name } }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="cv-muted">
          <bdi>{{ member.email }}</bdi>
        </p>
        <cv-role-fields
          [role]="form.controls.role"
          [memberStateAlpha3]="form.controls.memberStateAlpha3"
        />

        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="common.save" [submitting]="submitting()" />
    </form>
  `,
})
export class ChangeRoleDialog {
  protected readonly member = inject<TenantMember>(MAT_DIALOG_DATA);
  private readonly store = inject(UsersStore);
  private readonly dialogRef = inject<MatDialogRef<ChangeRoleDialog, TenantMember>>(MatDialogRef);

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    role: new FormControl<Role>(this.member.role, { nonNullable: true }),
    memberStateAlpha3: new FormControl<string | null>(this.member.memberStateAlpha3),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { role, memberStateAlpha3 } = this.form.getRawValue();
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const updated = await this.store.updateMember(this.member, {
        role,
        memberStateAlpha3: role === 'focal_point' ? memberStateAlpha3 : null,
      });
      this.dialogRef.close(updated);
    } catch (problem) {
      for (const field of rejectedFields(problem as ProblemDetails)) {
        this.form.get(field)?.setErrors({ server: true });
      }
      this.problem.set(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }
}
