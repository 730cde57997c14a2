import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { provideIcons } from '../shared/icons/icons.testing';
import type { PanelLoadState } from './home-panel';
import { PanelState } from './panel-state.component';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

class FakeLoad implements PanelLoadState {
  readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  readonly problem = signal<ProblemDetails | null>(null);
  loads = 0;
  load(): void {
    this.loads++;
  }
}

@Component({
  imports: [PanelState],
  template: `<cv-panel-state [load]="load"><p class="rows">The rows</p></cv-panel-state>`,
})
class Host {
  readonly load = new FakeLoad();
}

function render() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [provideIcons(), provideIcuMessages()],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, load: fixture.componentInstance.load };
}

describe('a home panel state', () => {
  it('shows a bar while loading and the rows only once loaded', () => {
    const { fixture, element, load } = render();
    expect(element.querySelector('[role=progressbar]')?.getAttribute('aria-label')).toBe(
      'Loading…',
    );
    expect(element.querySelector('.rows')).toBeNull();
    load.status.set('loaded');
    fixture.detectChanges();
    expect(element.querySelector('[role=progressbar]')).toBeNull();
    expect(element.querySelector('.rows')?.textContent).toBe('The rows');
  });

  it('says what failed and asks again on retry', () => {
    const { fixture, element, load } = render();
    load.problem.set({ type: '/problems/unavailable', title: 'Down', status: 503 });
    load.status.set('error');
    fixture.detectChanges();
    expect(element.querySelector('.rows')).toBeNull();
    expect(element.querySelector('cv-live-error')?.textContent?.trim()).not.toBe('');
    const retry = element.querySelector('button');
    expect(retry?.textContent).toContain('Try again');
    retry?.click();
    expect(load.loads).toBe(1);
  });
});
