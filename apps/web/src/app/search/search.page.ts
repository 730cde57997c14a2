import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { TenantSearchResult } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { formatLocalDate } from '../shared/local-format';

/**
 * What the header's search found across the tenant, grouped by kind: events, documents (with
 * the words marked in their text), experts (for those who keep the roster) and recommendations.
 * The API filters each group by its data's one visibility rule; this page only draws it.
 */
@Component({
  selector: 'cv-search-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    EmptyState,
    Icon,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="cv-page-title">{{ 'search.title' | transloco }}</h1>
    <form class="search-form" role="search" (submit)="$event.preventDefault(); search(box.value)">
      <mat-form-field class="search-form__field">
        <mat-label>{{ 'search.label' | transloco }}</mat-label>
        <input
          matInput
          #box
          type="search"
          name="q"
          maxlength="200"
          dir="auto"
          enterkeyhint="search"
          data-testid="search-page-input"
          [value]="q() ?? ''"
        />
        <mat-hint>{{ 'search.hint' | transloco }}</mat-hint>
      </mat-form-field>
      <button mat-flat-button type="submit">
        <mat-icon svgIcon="search" />
        {{ 'search.submit' | transloco }}
      </button>
    </form>

    @if (!asked()) {
      <cv-empty-state icon="search" [title]="'search.start' | transloco" />
    } @else if (results.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    } @else if (results.error()) {
      <cv-live-error [problem]="problem()" />
    } @else if (results.hasValue()) {
      <p class="search-summary" role="status" data-testid="search-summary">
        {{ 'search.found' | transloco: { count: total(), q: results.value().q } }}
      </p>
      @if (total() === 0) {
        <cv-empty-state icon="search_off" [title]="'search.none' | transloco" />
      }
      <div class="search-groups">
        @if (results.value().events.length > 0) {
          <mat-card appearance="outlined" class="cv-panel" data-testid="search-group-events">
            <h2 class="cv-panel-title" id="hits-events">
              <mat-icon svgIcon="event" aria-hidden="true" />
              {{ 'search.groups.events' | transloco: { count: results.value().events.length } }}
            </h2>
            <ul class="hits" aria-labelledby="hits-events">
              @for (hit of results.value().events; track hit.id) {
                <li class="hit">
                  <a class="hit__link" [routerLink]="['/t', tenant(), 'events', hit.id]"
                    ><bdi>{{ hit.title }}</bdi></a
                  >
                  <span class="hit__meta">
                    {{ when(hit.startsAt) }}
                    @if (hit.city) {
                      · <bdi>{{ hit.city }}</bdi>
                    }
                    · {{ 'events.statuses.' + hit.status | transloco }}
                  </span>
                </li>
              }
            </ul>
          </mat-card>
        }
        @if (results.value().documents.length > 0) {
          <mat-card appearance="outlined" class="cv-panel" data-testid="search-group-documents">
            <h2 class="cv-panel-title" id="hits-documents">
              <mat-icon svgIcon="description" aria-hidden="true" />
              {{
                'search.groups.documents' | transloco: { count: results.value().documents.length }
              }}
            </h2>
            <ul class="hits" aria-labelledby="hits-documents">
              @for (hit of results.value().documents; track hit.id) {
                <li class="hit">
                  @if (hit.eventId) {
                    <a
                      class="hit__link"
                      [routerLink]="['/t', tenant(), 'events', hit.eventId]"
                      [queryParams]="{ tab: 'documents' }"
                      ><bdi>{{ hit.title }}</bdi></a
                    >
                  } @else {
                    <a class="hit__link" [routerLink]="['/t', tenant(), 'documents']"
                      ><bdi>{{ hit.title }}</bdi></a
                    >
                  }
                  <span class="hit__meta">
                    {{ 'documents.kinds.' + hit.kind | transloco }}
                    @if (hit.eventTitle) {
                      · <bdi>{{ hit.eventTitle }}</bdi>
                    }
                  </span>
                  @if (hasText(hit)) {
                    <p class="hit__snippet" dir="auto">
                      @for (part of hit.snippet; track $index) {
                        @if (part.match) {
                          <mark>{{ part.text }}</mark>
                        } @else {
                          {{ part.text }}
                        }
                      }
                    </p>
                  }
                </li>
              }
            </ul>
          </mat-card>
        }
        @if (results.value().experts.length > 0) {
          <mat-card appearance="outlined" class="cv-panel" data-testid="search-group-experts">
            <h2 class="cv-panel-title" id="hits-experts">
              <mat-icon svgIcon="person_search" aria-hidden="true" />
              {{ 'search.groups.experts' | transloco: { count: results.value().experts.length } }}
            </h2>
            <ul class="hits" aria-labelledby="hits-experts">
              @for (hit of results.value().experts; track hit.userId) {
                <li class="hit">
                  <a class="hit__link" [routerLink]="['/t', tenant(), 'experts', hit.userId]"
                    ><bdi>{{ hit.name }}</bdi></a
                  >
                  @if (hit.organisation) {
                    <span class="hit__meta"
                      ><bdi>{{ hit.organisation }}</bdi></span
                    >
                  }
                </li>
              }
            </ul>
          </mat-card>
        }
        @if (results.value().recommendations.length > 0) {
          <mat-card
            appearance="outlined"
            class="cv-panel"
            data-testid="search-group-recommendations"
          >
            <h2 class="cv-panel-title" id="hits-recommendations">
              <mat-icon svgIcon="checklist" aria-hidden="true" />
              {{
                'search.groups.recommendations'
                  | transloco: { count: results.value().recommendations.length }
              }}
            </h2>
            <ul class="hits" aria-labelledby="hits-recommendations">
              @for (hit of results.value().recommendations; track hit.id) {
                <li class="hit">
                  <a
                    class="hit__link"
                    [routerLink]="['/t', tenant(), 'recommendations']"
                    [queryParams]="{ eventId: hit.eventId }"
                    >{{ 'search.recommendationNumber' | transloco: { number: hit.position } }} ·
                    <bdi>{{ hit.eventTitle }}</bdi></a
                  >
                  <span class="hit__meta">
                    {{ 'recommendations.statuses.' + hit.status | transloco }}
                  </span>
                  <p class="hit__snippet" dir="auto">
                    @for (part of hit.snippet; track $index) {
                      @if (part.match) {
                        <mark>{{ part.text }}</mark>
                      } @else {
                        {{ part.text }}
                      }
                    }
                  </p>
                </li>
              }
            </ul>
          </mat-card>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      min-inline-size: 0;
    }
    .search-form {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .search-form__field {
      flex: 1 1 240px;
      min-inline-size: 0;
    }
    .search-summary {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .search-groups {
      display: grid;
      gap: 16px;
    }
    .cv-panel-title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .hits {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .hit {
      display: grid;
      gap: 2px;
      padding-block-end: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    .hit:last-child {
      border-block-end: 0;
    }
    .hit__link {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .hit__meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .hit__snippet {
      margin: 4px 0 0;
    }
    .hit__snippet mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 2px;
    }
  `,
})
export class SearchPage {
  readonly tenant = input.required<string>();
  /** The words, from the address (`?q=`): a search can be bookmarked and shared. */
  readonly q = input<string>();

  private readonly router = inject(Router);
  private readonly language = inject(LanguageService).language;

  protected readonly asked = computed(() => (this.q() ?? '').trim().length >= 2);
  protected readonly results = fetched<TenantSearchResult>(() =>
    this.asked()
      ? `/api/t/${this.tenant()}/search?q=${encodeURIComponent((this.q() ?? '').trim())}`
      : undefined,
  );
  protected readonly total = computed(() => {
    if (!this.results.hasValue()) return 0;
    const found = this.results.value();
    return (
      found.events.length +
      found.documents.length +
      found.experts.length +
      found.recommendations.length
    );
  });
  protected readonly problem = computed(() =>
    this.results.error() ? toProblem(this.results.error()) : null,
  );

  protected search(text: string): void {
    void this.router.navigate(['/t', this.tenant(), 'search'], {
      queryParams: { q: text.trim() || null },
    });
  }

  protected when(instant: string): string {
    return formatLocalDate(instant, 'mediumDate', this.language()) ?? '';
  }

  /** A snippet worth showing: words of the file's text, not the title again. */
  protected hasText(hit: { title: string; snippet: { text: string }[] }): boolean {
    const text = hit.snippet.map((part) => part.text).join('');
    return text.trim().length > 0 && text.trim() !== hit.title.trim();
  }
}
