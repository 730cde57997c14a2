import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { type Role, ROLES } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { requireStateForFocalPoints } from './role-state.rule';

/**
 * A role select with the chosen role's description, and the Member State
 * picker when the role is focal point. Keeps the State required for focal
 * points and empty for everyone else. The controls are read once, on init.
 */
@Component({
  selector: 'cv-role-fields',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslocoPipe,
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The fields sit in the dialog's form layout as if written there.
  styles: ':host { display: contents; }',
  template: `
    <mat-form-field appearance="outline" class="cv-full-width">
      <mat-label>{{ 'common.role' | transloco }}</mat-label>
      <mat-select [formControl]="role()" required>
        @for (option of roles; track option) {
          <mat-option [value]="option">{{ 'roles.' + option | transloco }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ 'roleDescriptions.' + selected() | transloco }}</mat-hint>
    </mat-form-field>

    @if (selected() === 'focal_point') {
      <cv-member-state-picker [control]="memberStateAlpha3()" [required]="true" />
    }
  `,
})
export class RoleFields implements OnInit {
  readonly role = input.required<FormControl<Role>>();
  /** Holds the State a focal point represents; null for other roles. */
  readonly memberStateAlpha3 = input.required<FormControl<string | null>>();

  private readonly destroyRef = inject(DestroyRef);
  protected readonly roles = ROLES;
  protected readonly selected = signal<Role | null>(null);

  ngOnInit(): void {
    const role = this.role();
    this.selected.set(role.value);
    role.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((value) => this.selected.set(value));
    requireStateForFocalPoints(role, this.memberStateAlpha3(), this.destroyRef);
  }
}
