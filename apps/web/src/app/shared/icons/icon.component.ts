import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  HostAttributeToken,
  inject,
  input,
  untracked,
} from '@angular/core';
import { IconRegistry } from './icon-registry';

/**
 * `<mat-icon svgIcon="…" />`: an icon of the app's set (IconRegistry), drawn inline as
 * Material's MatIcon draws an SVG icon (the same element, classes, role and hidden from
 * assistive technology unless the template says otherwise), without MatIcon, its registry and
 * the HTML sanitizer they need on every first load. Import `Icon` where a template draws icons.
 */
@Component({
  // The element keeps Material's name: templates, styles and the icon generator read `mat-icon`.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'mat-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  host: {
    class: 'mat-icon notranslate mat-icon-no-color',
    role: 'img',
    'data-mat-icon-type': 'svg',
    '[attr.data-mat-icon-name]': 'svgIcon() || null',
  },
})
export class Icon {
  /** The icon's name in the set (an IconName); empty draws nothing. */
  readonly svgIcon = input('');

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly registry = inject(IconRegistry);

  constructor() {
    if (inject(new HostAttributeToken('aria-hidden'), { optional: true }) === null) {
      this.host.setAttribute('aria-hidden', 'true');
    }
    effect(() => {
      const name = this.svgIcon();
      untracked(() => this.draw(name));
    });
  }

  private draw(name: string): void {
    if (!name) {
      this.host.replaceChildren();
      return;
    }
    const svg = this.registry.svg(name);
    if (svg) {
      this.host.replaceChildren(svg);
      return;
    }
    // Not registered yet: the shell's sprite is on its way, or the later pages' is to be fetched.
    // A name no set has is a mistake that `npm run icons` reports; here, as Material's MatIcon
    // does, it is only logged.
    this.registry.whenLoaded(name).then(
      () => {
        if (this.svgIcon() !== name) return;
        const later = this.registry.svg(name);
        if (later) this.host.replaceChildren(later);
        else console.error(`No icon named "${name}" in the icon set`);
      },
      (error: unknown) => console.error(error),
    );
  }
}
