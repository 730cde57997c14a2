import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { ExpertCvView, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { formatLocalDate } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';

/**
 * An expert's CV on their profile: the file (downloaded through the API, audited), upload or
 * replace, remove. The staff and the expert reach it; `path` is the API address of the CV
 * (`…/experts/:userId/cv` for officers, `…/me/expert-profile/cv` for the expert).
 */
@Component({
  selector: 'cv-expert-cv',
  imports: [MatButtonModule, TranslocoPipe, Icon, LiveError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="cv-panel-title">{{ 'experts.cv.title' | transloco }}</h2>
    <p class="cv-muted">{{ 'experts.cv.intro' | transloco }}</p>
    @if (current.hasValue()) {
      @if (current.value().cv; as cv) {
        <div class="expert-cv__file" data-testid="expert-cv">
          <mat-icon svgIcon="description" aria-hidden="true" />
          <div class="expert-cv__text">
            <a class="cv-link" [href]="path() + '/file'" download
              ><bdi>{{ cv.fileName }}</bdi></a
            >
            <span class="cv-muted">
              {{ size(cv.sizeBytes) }} · {{ when(cv.uploadedAt) }}
              @if (cv.uploadedBy) {
                · <bdi>{{ cv.uploadedBy }}</bdi>
              }
            </span>
          </div>
        </div>
      } @else {
        <p data-testid="expert-cv-none">{{ 'experts.cv.none' | transloco }}</p>
      }
    }
    <cv-live-error [problem]="problem()" />
    <input
      #file
      class="expert-cv__input"
      type="file"
      accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      tabindex="-1"
      aria-hidden="true"
      data-testid="expert-cv-input"
      (change)="upload(file)"
    />
    <div class="expert-cv__actions">
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="file.click()">
        <mat-icon svgIcon="upload_file" />
        {{ (hasCv() ? 'experts.cv.replace' : 'experts.cv.upload') | transloco }}
      </button>
      @if (hasCv()) {
        <button
          mat-button
          type="button"
          class="expert-cv__remove"
          [disabled]="busy()"
          (click)="remove()"
        >
          <mat-icon svgIcon="delete" />
          {{ 'experts.cv.remove' | transloco }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .expert-cv__file {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      margin-block-end: 12px;
    }
    .expert-cv__text {
      display: grid;
      gap: 2px;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .expert-cv__input {
      display: none;
    }
    .expert-cv__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .expert-cv__remove {
      color: var(--mat-sys-error);
    }
  `,
})
export class ExpertCvSection {
  /** The CV's API address, e.g. `/api/t/demo/experts/<id>/cv`. */
  readonly path = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService).language;

  protected readonly current = fetched<ExpertCvView>(() => this.path());
  protected readonly hasCv = computed(
    () => this.current.hasValue() && this.current.value().cv !== null,
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected when(instant: string): string {
    return formatLocalDate(instant, 'medium', this.language()) ?? '';
  }

  protected size(bytes: number): string {
    const locale = this.language();
    return bytes >= 1024 * 1024
      ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(
        this.http.put<ExpertCvView>(this.path(), file, {
          params: new HttpParams({ fromObject: { fileName: file.name } }),
          headers: new HttpHeaders({ 'content-type': 'application/octet-stream' }),
        }),
      );
      this.notifier.success('experts.cv.saved');
      this.current.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'experts.cv.removeTitle',
      messageKey: 'experts.cv.removeMessage',
      confirmKey: 'experts.cv.remove',
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(this.path()));
      this.notifier.success('experts.cv.removed');
      this.current.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
