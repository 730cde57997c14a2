import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  MatDatepicker,
  MatDatepickerInput,
  MatDatepickerToggle,
} from '@angular/material/datepicker';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  GEOGRAPHIC_REGIONS,
  REGIONAL_GROUPS,
  type EventDetail,
  type GeographicRegion,
  type ProblemDetails,
  type RegionalGroup,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { MemberStateChips } from '../member-states/member-state-chips.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { dateToDay, dayToDate } from './deadline';
import { ParticipationApi } from './participation.api';
import type { StateList } from './participation.models';
import { ParticipationStore } from './participation.store';
import { StateListsDialog } from './state-lists.dialog';

export interface InviteDialogData {
  event: EventDetail;
  /** The event's default nomination deadline, if it has one. */
  defaultDeadline: string | null;
}

/**
 * Invites States to the event: one by one, by UN regional group, by geographic region or from
 * saved lists (any mix: their union is invited), each with the same seats and deadline. The
 * States picked one by one can be saved as a list for next time. Closes with how many States
 * were invited.
 */
@Component({
  selector: 'cv-invite-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    MemberStateChips,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'participation.invite.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="invite-intro">{{ 'participation.invite.intro' | transloco }}</p>
        <cv-member-state-chips
          [control]="form.controls.memberStates"
          labelKey="participation.invite.states"
        />
        <div class="invite-row">
          <mat-form-field>
            <mat-label>{{ 'participation.invite.groups' | transloco }}</mat-label>
            <mat-select formControlName="regionalGroups" multiple>
              @for (group of groups; track group) {
                <mat-option [value]="group">{{ 'regions.' + group | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.invite.regions' | transloco }}</mat-label>
            <mat-select formControlName="geographicRegions" multiple>
              @for (region of regions; track region) {
                <mat-option [value]="region">{{
                  'geographicRegions.' + region | transloco
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (form.controls.regionalGroups.value.length > 0) {
          <mat-checkbox formControlName="includeObservers">
            {{ 'participation.invite.includeObservers' | transloco }}
          </mat-checkbox>
        }
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.invite.lists' | transloco }}</mat-label>
          <mat-select formControlName="stateListIds" multiple>
            @for (list of lists(); track list.id) {
              <mat-option [value]="list.id">
                <bdi>{{ list.name }}</bdi>
                ({{
                  'participation.invite.listSize' | transloco: { count: list.memberStates.length }
                }})
              </mat-option>
            }
          </mat-select>
          @if (lists().length === 0) {
            <mat-hint>{{ 'participation.invite.noLists' | transloco }}</mat-hint>
          }
        </mat-form-field>
        <button mat-button type="button" class="invite-manage" (click)="manageLists()">
          <mat-icon svgIcon="edit_note" />
          {{ 'participation.stateLists.open' | transloco }}
        </button>
        @if (nothingChosen()) {
          <p class="invite-missing" role="alert">
            {{ 'participation.invite.chooseSome' | transloco }}
          </p>
        }

        <div class="invite-row">
          <mat-form-field>
            <mat-label>{{ 'participation.fields.seats' | transloco }}</mat-label>
            <input matInput type="number" min="1" max="10000" formControlName="seats" required />
            <mat-hint>{{ 'participation.invite.seatsHint' | transloco }}</mat-hint>
            @if (form.controls.seats.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.deadline' | transloco }}</mat-label>
            <input
              matInput
              [matDatepicker]="deadlinePicker"
              formControlName="deadline"
              [required]="!data.defaultDeadline"
            />
            <mat-datepicker-toggle matIconSuffix [for]="deadlinePicker" />
            <mat-datepicker #deadlinePicker />
            @if (data.defaultDeadline) {
              <mat-hint>{{ 'participation.invite.deadlineHint' | transloco }}</mat-hint>
            }
            @if (form.controls.deadline.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
        </div>

        @if (form.controls.memberStates.value.length > 1) {
          <mat-checkbox formControlName="saveList">
            {{ 'participation.invite.saveList' | transloco }}
          </mat-checkbox>
          @if (form.controls.saveList.value) {
            <mat-form-field class="cv-full-width">
              <mat-label>{{ 'participation.invite.listName' | transloco }}</mat-label>
              <input matInput formControlName="listName" maxlength="100" required />
              @if (form.controls.listName.errors | fieldError; as error) {
                <mat-error>{{ error.key | transloco: error.params }}</mat-error>
              }
            </mat-form-field>
          }
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
          {{ 'participation.invite.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .invite-intro {
      margin: 0 0 12px;
    }
    .invite-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: 4px 16px;
    }
    .invite-manage {
      margin-block-end: 8px;
    }
    .invite-missing {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class InviteDialog {
  protected readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly api = inject(ParticipationApi);
  private readonly dialogRef = inject<MatDialogRef<InviteDialog, number>>(MatDialogRef);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  protected readonly groups = REGIONAL_GROUPS;
  protected readonly regions = GEOGRAPHIC_REGIONS;
  protected readonly lists = signal<StateList[]>([]);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly tried = signal(false);

  protected readonly form = new FormGroup({
    memberStates: new FormControl<string[]>([], { nonNullable: true }),
    regionalGroups: new FormControl<RegionalGroup[]>([], { nonNullable: true }),
    includeObservers: new FormControl(false, { nonNullable: true }),
    geographicRegions: new FormControl<GeographicRegion[]>([], { nonNullable: true }),
    stateListIds: new FormControl<string[]>([], { nonNullable: true }),
    seats: new FormControl<number | null>(2, [
      Validators.required,
      Validators.min(1),
      Validators.max(10_000),
    ]),
    deadline: new FormControl<Date | null>(
      dayToDate(this.data.defaultDeadline),
      this.data.defaultDeadline ? [] : [Validators.required],
    ),
    saveList: new FormControl(false, { nonNullable: true }),
    listName: new FormControl('', { nonNullable: true }),
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly nothingChosen = computed(() => {
    const value = this.value();
    const chosen =
      (value.memberStates?.length ?? 0) +
      (value.regionalGroups?.length ?? 0) +
      (value.geographicRegions?.length ?? 0) +
      (value.stateListIds?.length ?? 0);
    return this.tried() && chosen === 0;
  });

  constructor() {
    this.loadLists();
  }

  /** The saved lists' manager, over this dialog; the lists are read again when it closes. */
  protected async manageLists(): Promise<void> {
    await firstValueFrom(
      this.dialog
        .open(StateListsDialog, { injector: this.injector, width: '640px', maxWidth: '95vw' })
        .afterClosed(),
    );
    this.loadLists();
  }

  private loadLists(): void {
    const tenant = this.store.tenantSlug();
    if (!tenant) return;
    this.api.stateLists(tenant).subscribe({
      next: (collection) => {
        this.lists.set(collection.items);
        // A list deleted meanwhile is no longer chosen.
        const known = new Set(collection.items.map((list) => list.id));
        const chosen = this.form.controls.stateListIds.value;
        if (chosen.some((id) => !known.has(id))) {
          this.form.controls.stateListIds.setValue(chosen.filter((id) => known.has(id)));
        }
      },
      // Saved lists are a shortcut: the dialog works without them.
      error: () => this.lists.set([]),
    });
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    this.tried.set(true);
    const value = this.form.getRawValue();
    const saving = value.saveList && value.memberStates.length > 1;
    this.form.controls.listName.setValidators(saving ? [Validators.required] : []);
    this.form.controls.listName.updateValueAndValidity();
    if (this.form.invalid || this.nothingChosen()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const tenant = this.store.tenantSlug();
      if (saving && tenant) {
        try {
          await firstValueFrom(
            this.api.saveStateList(tenant, value.listName.trim(), value.memberStates),
          );
        } catch (error) {
          throw toProblem(error);
        }
      }
      const result = await this.store.invite({
        memberStates: value.memberStates,
        regionalGroups: value.regionalGroups,
        includeObservers: value.includeObservers,
        geographicRegions: value.geographicRegions,
        stateListIds: value.stateListIds,
        seats: value.seats ?? 1,
        ...(value.deadline ? { nominationDeadline: dateToDay(value.deadline) } : {}),
      });
      this.dialogRef.close(result.invited.length);
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }
}
