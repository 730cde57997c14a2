import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import {
  EVENT_FORMATS,
  EVENT_TYPES,
  type ProblemDetails,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
  UN_LANGUAGES,
} from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { problemCode } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateChips } from '../member-states/member-state-chips.component';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { EmptyState } from '../shared/empty-state.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { TextChips } from '../shared/text-chips.component';
import { DateTimeRange } from './date-time-range.component';
import { EVENT_FORMAT_ICONS } from './event-labels';
import {
  eventForm,
  followFormat,
  formPathOf,
  rangeInstants,
  recheckDatesOnZoneChange,
  toEventCreate,
  toFormValue,
} from './event-form';
import { EventFormStore } from './event-form.store';
import { TimeZonePicker } from './time-zone-picker.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { zoneLabel, zoneLongName } from './zone-names';
import {
  clocksDiffer,
  formatRange,
  isTimeZone,
  viewerTimeZone,
  zoneAbbreviation,
} from './zoned-time';

/** Plans a new event or edits one: /t/:tenant/events/new and /t/:tenant/events/:eventId/edit. */
@Component({
  selector: 'cv-event-form-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    FieldErrorPipe,
    EmptyState,
    LiveError,
    MemberStatePicker,
    MemberStateChips,
    TextChips,
    DateTimeRange,
    TimeZonePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-form.page.html',
  styleUrl: './event-form.page.scss',
})
export class EventFormPage {
  /** From the route; absent for a new event. */
  readonly eventId = input<string>();
  readonly tenant = input.required<string>();

  protected readonly store = inject(EventFormStore);
  protected readonly language = inject(LanguageService).language;
  private readonly transloco = inject(TranslocoService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly viewerZone = viewerTimeZone();

  protected readonly types = EVENT_TYPES;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly audiences = TARGET_AUDIENCES;
  protected readonly formats = EVENT_FORMATS;
  protected readonly formatIcons = EVENT_FORMAT_ICONS;

  protected readonly form = eventForm(this.viewerZone);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Someone else saved the event after this form was opened. */
  protected readonly stale = signal(false);

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly format = computed(() => this.value().format ?? 'in_person');
  protected readonly editing = computed(() => !!this.eventId());

  protected readonly languages = computed(() => {
    const names = new Intl.DisplayNames([this.language()], { type: 'language' });
    return UN_LANGUAGES.map((code) => ({ code, name: names.of(code) ?? code }));
  });

  /** Which clock the times are in, and what they are in the reader's own. */
  protected readonly zoneNote = computed(() => {
    const value = this.value();
    const zone = value.timeZone ?? null;
    const instants = rangeInstants(this.form.controls.when.getRawValue(), zone);
    if (!zone || !instants) {
      return zone && isTimeZone(zone)
        ? this.transloco.translate('events.form.zoneNote', {
            zone: zoneLongName(zone, this.language()),
          })
        : null;
    }
    const note = this.transloco.translate('events.form.zoneNote', {
      zone: zoneLabel(zone, this.language(), instants.startsAt),
    });
    if (!clocksDiffer(zone, this.viewerZone, instants.startsAt, instants.endsAt)) return note;
    const own = formatRange(instants.startsAt, instants.endsAt, this.viewerZone, this.language());
    return `${note} ${this.transloco.translate('events.yourTime', {
      time: own,
      zone: zoneAbbreviation(instants.startsAt, this.viewerZone, this.language()),
    })}`;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    followFormat(this.form, destroyRef);
    recheckDatesOnZoneChange(this.form, destroyRef);

    effect(() => {
      const id = this.eventId() ?? null;
      if (this.store.tenantSlug()) untracked(() => this.store.open(id));
    });

    // Fill the form once the event to edit is in.
    effect(() => {
      const event = this.store.event();
      if (event && this.editing()) {
        untracked(() => {
          this.form.reset(toFormValue(event));
          this.stale.set(false);
        });
      }
    });

    // A new event is the planner's own until they say otherwise.
    effect(() => {
      const officers = this.store.officers();
      const me = this.store.currentUserId();
      const officer = this.form.controls.responsibleOfficerId;
      if (!this.editing() && !officer.value && officers.some((o) => o.id === me)) {
        untracked(() => officer.setValue(me));
      }
    });
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    try {
      const saved = await this.store.save(toEventCreate(this.form));
      this.form.markAsPristine();
      this.notifier.success(this.editing() ? 'events.form.saved' : 'events.form.created', {
        title: saved.title,
      });
      await this.router.navigate(['/t', this.tenant(), 'events', saved.id]);
    } catch (error) {
      this.refused(error as ProblemDetails);
    } finally {
      this.saving.set(false);
    }
  }

  /** Drops the edits and shows the event as it is saved now. */
  protected reloadEvent(): void {
    this.problem.set(null);
    this.store.open(this.eventId() ?? null);
  }

  private refused(problem: ProblemDetails): void {
    if (problem.status === 409 && problemCode(problem) === 'stale-version') {
      this.stale.set(true);
      return;
    }
    for (const error of problem.errors ?? []) {
      const control = this.form.get(formPathOf(error.path));
      control?.setErrors({ server: true });
      control?.markAsTouched();
    }
    this.problem.set(problem);
    if (problem.errors?.length) this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => {
        const field = this.host.nativeElement.querySelector<HTMLElement>(
          '.mat-form-field-invalid input, .mat-form-field-invalid mat-select, .mat-form-field-invalid textarea',
        );
        field?.focus();
      },
      { injector: this.injector },
    );
  }
}
