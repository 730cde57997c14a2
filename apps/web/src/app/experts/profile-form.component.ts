import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  ExpertLanguageCode,
  ExpertProfile,
  ExpertProfileInput,
  LanguageLevel,
  ProblemDetails,
  Sex,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { AREAS, AUDIENCES, EXPERT_SEXES, LANGUAGES, LEVELS, languageName } from './expert-labels';

const languageRow = (language: ExpertLanguageCode | null = null, level: LanguageLevel = 'fluent') =>
  new FormGroup({
    language: new FormControl<ExpertLanguageCode | null>(language, Validators.required),
    level: new FormControl<LanguageLevel>(level, { nonNullable: true }),
  });

const windowRow = (from = '', to = '') =>
  new FormGroup({
    from: new FormControl(from, { nonNullable: true, validators: Validators.required }),
    to: new FormControl(to, { nonNullable: true, validators: Validators.required }),
  });

/**
 * An expert's profile as a form, for the expert (their own) and for officers (anyone's): the
 * save sends the version shown, so an edit made meanwhile answers "changed" instead of lost.
 */
@Component({
  selector: 'cv-expert-profile-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    LiveError,
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './experts.scss',
  template: `
    <form class="expert-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline" class="cv-full-width">
        <mat-label>{{ 'experts.fields.organisation' | transloco }}</mat-label>
        <input matInput formControlName="organisation" dir="auto" maxlength="200" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="cv-full-width">
        <mat-label>{{ 'experts.fields.bio' | transloco }}</mat-label>
        <textarea matInput formControlName="bio" rows="4" dir="auto" maxlength="2000"></textarea>
      </mat-form-field>
      <div class="expert-form__pair">
        <cv-member-state-picker
          [control]="form.controls.nationality"
          labelKey="experts.fields.nationality"
          [showHint]="false"
        />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'experts.fields.sex' | transloco }}</mat-label>
          <mat-select formControlName="sex">
            <mat-option [value]="null">{{ 'experts.fields.notSaid' | transloco }}</mat-option>
            @for (sex of sexes; track sex) {
              <mat-option [value]="sex">{{ 'participation.sexes.' + sex | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline" class="cv-full-width">
        <mat-label>{{ 'experts.fields.areas' | transloco }}</mat-label>
        <mat-select formControlName="thematicAreas" multiple>
          @for (area of areas; track area) {
            <mat-option [value]="area">{{ 'events.thematicAreas.' + area | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="cv-full-width">
        <mat-label>{{ 'experts.fields.audiences' | transloco }}</mat-label>
        <mat-select formControlName="targetAudiences" multiple>
          @for (audience of audiences; track audience) {
            <mat-option [value]="audience">{{
              'events.audiences.' + audience | transloco
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>

      <fieldset class="expert-form__group">
        <legend>{{ 'experts.fields.languages' | transloco }}</legend>
        @for (row of form.controls.languages.controls; track row; let i = $index) {
          <div class="expert-form__row" [formGroup]="row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'experts.fields.language' | transloco }}</mat-label>
              <mat-select formControlName="language" required>
                @for (code of languages; track code) {
                  <mat-option [value]="code">{{ name(code) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'experts.fields.level' | transloco }}</mat-label>
              <mat-select formControlName="level">
                @for (level of levels; track level) {
                  <mat-option [value]="level">{{
                    'experts.levels.' + level | transloco
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              (click)="form.controls.languages.removeAt(i)"
              [attr.aria-label]="'experts.fields.removeLanguage' | transloco"
            >
              <mat-icon svgIcon="delete" />
            </button>
          </div>
        }
        <button
          mat-stroked-button
          type="button"
          (click)="form.controls.languages.push(newLanguage())"
        >
          <mat-icon svgIcon="add" />
          {{ 'experts.fields.addLanguage' | transloco }}
        </button>
      </fieldset>

      <fieldset class="expert-form__group">
        <legend>{{ 'experts.fields.availability' | transloco }}</legend>
        @for (row of form.controls.availability.controls; track row; let i = $index) {
          <div class="expert-form__row" [formGroup]="row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'experts.fields.from' | transloco }}</mat-label>
              <input matInput type="date" formControlName="from" required />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'experts.fields.to' | transloco }}</mat-label>
              <input matInput type="date" formControlName="to" required />
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              (click)="form.controls.availability.removeAt(i)"
              [attr.aria-label]="'experts.fields.removeWindow' | transloco"
            >
              <mat-icon svgIcon="delete" />
            </button>
          </div>
        }
        <button
          mat-stroked-button
          type="button"
          (click)="form.controls.availability.push(newWindow())"
        >
          <mat-icon svgIcon="add" />
          {{ 'experts.fields.addWindow' | transloco }}
        </button>
      </fieldset>

      <cv-live-error [problem]="problem()" />
      <div class="expert-form__actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ 'common.save' | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class ExpertProfileForm {
  readonly profile = input.required<ExpertProfile>();
  /** Saves the profile; answers the profile as saved, or rejects with the problem. */
  readonly save = input.required<(profile: ExpertProfileInput) => Promise<ExpertProfile>>();

  private readonly language = inject(LanguageService).language;
  private readonly notifier = inject(Notifier);
  protected readonly areas = AREAS;
  protected readonly audiences = AUDIENCES;
  protected readonly sexes = EXPERT_SEXES;
  protected readonly languages = LANGUAGES;
  protected readonly levels = LEVELS;
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private version = 0;

  protected readonly form = new FormGroup({
    organisation: new FormControl('', { nonNullable: true }),
    bio: new FormControl('', { nonNullable: true }),
    nationality: new FormControl<string | null>(null),
    sex: new FormControl<Sex | null>(null),
    thematicAreas: new FormControl<ThematicArea[]>([], { nonNullable: true }),
    targetAudiences: new FormControl<TargetAudience[]>([], { nonNullable: true }),
    languages: new FormArray<ReturnType<typeof languageRow>>([]),
    availability: new FormArray<ReturnType<typeof windowRow>>([]),
  });

  constructor() {
    effect(() => this.show(this.profile()));
  }

  protected name(code: string): string {
    return languageName(code, this.language());
  }

  protected newLanguage() {
    return languageRow();
  }

  protected newWindow() {
    return windowRow();
  }

  private show(profile: ExpertProfile): void {
    this.version = profile.version;
    this.form.controls.languages.clear();
    for (const item of profile.languages)
      this.form.controls.languages.push(languageRow(item.language, item.level));
    this.form.controls.availability.clear();
    for (const window of profile.availability)
      this.form.controls.availability.push(windowRow(window.from, window.to));
    this.form.patchValue({
      organisation: profile.organisation,
      bio: profile.bio,
      nationality: profile.nationality,
      sex: profile.sex,
      thematicAreas: profile.thematicAreas,
      targetAudiences: profile.targetAudiences,
    });
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    try {
      const saved = await this.save()({
        organisation: value.organisation,
        bio: value.bio,
        nationality: value.nationality,
        sex: value.sex,
        thematicAreas: value.thematicAreas,
        targetAudiences: value.targetAudiences,
        languages: value.languages.flatMap((row) =>
          row.language ? [{ language: row.language, level: row.level }] : [],
        ),
        availability: value.availability,
        ...(this.version > 0 ? { version: this.version } : {}),
      });
      this.show(saved);
      this.notifier.success('experts.profile.saved');
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
