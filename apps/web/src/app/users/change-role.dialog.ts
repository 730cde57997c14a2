import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { type ProblemDetails, type Role, ROLES, type TenantMember } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { rejectedFields } from '../http/problem';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { LiveError } from '../shared/live-error.component';
import { requireStateForFocalPoints } from './role-state.rule';
import { UsersStore } from './users.store';

/** Changes a member's role (and the State a focal point represents). */
@Component({
  selector: 'cv-change-role-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslocoPipe,
    LiveError,
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ 'users.roleDialog.title' | transloco: { name: member.name } }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="cv-muted">{{ member.email }}</p>
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
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ChangeRoleDialog {
  protected readonly member = inject<TenantMember>(MAT_DIALOG_DATA);
  private readonly store = inject(UsersStore);
  private readonly dialogRef = inject<MatDialogRef<ChangeRoleDialog, TenantMember>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    role: new FormControl<Role>(this.member.role, { nonNullable: true }),
    memberStateAlpha3: new FormControl<string | null>(this.member.memberStateAlpha3),
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
