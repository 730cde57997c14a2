import { HttpClient, HttpParams } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type {
  ProblemDetails,
  PublicRecommendation,
  PublicRecommendationPage,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem } from '../http/problem';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { RecommendationItem } from './recommendation-item.component';
import { RECOMMENDATIONS_PAGE } from './recommendations.api';

/**
 * The tenant's public page: the recommendations of its public meetings once reported, newest
 * first, for anyone. Nothing shows while there are none. States show by their code: the
 * directory of States' names is for signed-in people.
 */
@Component({
  selector: 'cv-public-recommendations',
  imports: [TranslocoPipe, LiveError, LoadMore, RecommendationItem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0) {
      <section class="public-recs" aria-labelledby="public-recommendations-heading">
        <h2 id="public-recommendations-heading" class="public-recs__title">
          {{ 'recommendations.publicTitle' | transloco }}
        </h2>
        <p class="public-recs__intro">{{ 'recommendations.publicIntro' | transloco }}</p>
        <ul class="public-recs__list">
          @for (item of items(); track item.id) {
            <li><cv-recommendation-item [recommendation]="item" [showEvent]="true" /></li>
          }
        </ul>
        <cv-live-error [problem]="problem()" />
        <cv-load-more [hasMore]="!!nextCursor()" [loading]="loading()" (more)="more()" />
      </section>
    }
  `,
  styles: `
    .public-recs {
      margin-block-start: 32px;
    }
    .public-recs__title {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
    }
    .public-recs__intro {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .public-recs__list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
  `,
})
export class PublicRecommendations {
  readonly slug = input.required<string>();

  private readonly http = inject(HttpClient);
  protected readonly items = signal<PublicRecommendation[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => {
        this.items.set([]);
        this.fetch(slug, null);
      });
    });
  }

  protected more(): void {
    const after = this.nextCursor();
    if (after && !this.loading()) this.fetch(this.slug(), after);
  }

  private fetch(slug: string, after: string | null): void {
    let params = new HttpParams().set('limit', RECOMMENDATIONS_PAGE);
    if (after) params = params.set('after', after);
    this.loading.set(true);
    this.http
      .get<PublicRecommendationPage>(`/api/public/${encodeURIComponent(slug)}/recommendations`, {
        params,
      })
      .subscribe({
        next: (page) => {
          this.items.set([...this.items(), ...page.items]);
          this.nextCursor.set(page.nextCursor);
          this.problem.set(null);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }
}
