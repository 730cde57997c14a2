import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { LoadMore } from './load-more.component';

function setUp(hasMore: boolean, loading = false) {
  TestBed.configureTestingModule({
    imports: [
      LoadMore,
      TranslocoTestingModule.forRoot({
        langs: { en: { common: { loadMore: 'Load more' } } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
  });
  const fixture = TestBed.createComponent(LoadMore);
  fixture.componentRef.setInput('hasMore', hasMore);
  fixture.componentRef.setInput('loading', loading);
  const more = jest.fn();
  fixture.componentInstance.more.subscribe(more);
  fixture.detectChanges();
  return { fixture, more, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe('the load-more footer', () => {
  it('shows nothing when the list has no next page', async () => {
    const { loader, fixture } = setUp(false);
    expect(await loader.getAllHarnesses(MatButtonHarness)).toHaveLength(0);
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });

  it('asks for the next page when pressed', async () => {
    const { loader, more } = setUp(true);
    const button = await loader.getHarness(MatButtonHarness.with({ text: 'Load more' }));
    await button.click();
    expect(more).toHaveBeenCalledTimes(1);
  });

  it('stays focusable but asks nothing while a page is on its way', async () => {
    const { loader, more, fixture } = setUp(true, true);
    const button = await loader.getHarness(MatButtonHarness.with({ text: 'Load more' }));
    expect(await button.isDisabled()).toBe(true);
    await button.click();
    expect(more).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-progress-spinner')).not.toBe(
      null,
    );
  });
});
