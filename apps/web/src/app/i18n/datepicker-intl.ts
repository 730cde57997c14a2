import { DestroyRef, inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';

/** Material's datepicker labels, each a key under `material.datepicker`. */
const LABELS = [
  'calendarLabel',
  'openCalendarLabel',
  'closeCalendarLabel',
  'prevMonthLabel',
  'nextMonthLabel',
  'prevYearLabel',
  'nextYearLabel',
  'prevMultiYearLabel',
  'nextMultiYearLabel',
  'switchToMonthViewLabel',
  'switchToMultiYearViewLabel',
  'startDateLabel',
  'endDateLabel',
  'comparisonDateLabel',
] as const satisfies readonly (keyof MatDatepickerIntl)[];

/**
 * The datepicker's own words ("Open calendar", "Previous month"…) in the
 * interface language, updated in place when the language changes.
 */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco.langChanges$
      .pipe(
        switchMap((language) => this.transloco.selectTranslation(language)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        for (const label of LABELS)
          this[label] = this.transloco.translate(`material.datepicker.${label}`);
        this.changes.next();
      });
  }

  override formatYearRange(start: string, end: string): string {
    return this.transloco.translate('material.datepicker.yearRange', { start, end });
  }

  override formatYearRangeLabel(start: string, end: string): string {
    return this.transloco.translate('material.datepicker.yearRangeLabel', { start, end });
  }
}
